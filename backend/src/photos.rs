//! Photos sent from phones on site: checked by decoding them (never by name or declared
//! type), turned upright, scaled down and re-encoded as JPEG. Re-encoding also drops EXIF,
//! so no GPS position leaves with a document.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, imageops::FilterType};

/// Longest side kept: enough for a printed page, small for a phone's data plan.
pub const MAX_SIDE: u32 = 2048;

/// Largest upload taken.
pub const MAX_UPLOAD_BYTES: usize = 15 * 1024 * 1024;

/// A photo ready to store.
pub struct Prepared {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Why a photo was refused, in words for the user.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    #[error("the file has {0} bytes; photos of up to 15 MiB are taken")]
    TooLarge(usize),
    #[error("the file is not a JPEG, PNG or WebP image")]
    NotAnImage,
    #[error("the image cannot be read: {0}")]
    Unreadable(String),
}

pub fn prepare(bytes: &[u8]) -> Result<Prepared, PhotoError> {
    let mut image = decode_upright(bytes)?;

    if image.width().max(image.height()) > MAX_SIDE {
        image = image.resize(MAX_SIDE, MAX_SIDE, FilterType::Lanczos3);
    }
    let rgb = image.to_rgb8();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode_image(&rgb)
        .map_err(|error| PhotoError::Unreadable(error.to_string()))?;
    Ok(Prepared {
        width: rgb.width(),
        height: rgb.height(),
        jpeg,
    })
}

/// Longest side of a company logo: it prints about 3 cm wide.
pub const LOGO_MAX_SIDE: u32 = 600;

/// A company logo, checked and scaled like a photo but kept as PNG, so a transparent
/// background stays transparent on the letterhead.
pub fn prepare_logo(bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
    let mut image = decode_upright(bytes)?;

    if image.width().max(image.height()) > LOGO_MAX_SIDE {
        image = image.resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, FilterType::Lanczos3);
    }
    let mut png = Vec::new();
    image
        .to_rgba8()
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|error| PhotoError::Unreadable(error.to_string()))?;
    Ok(png)
}

/// Decodes a JPEG, PNG or WebP within the limits, turned as its EXIF orientation says.
fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, PhotoError> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(PhotoError::TooLarge(bytes.len()));
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| PhotoError::Unreadable(error.to_string()))?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) => {}
        _ => return Err(PhotoError::NotAnImage),
    }
    reader.limits(decoding_limits());

    let mut decoder = reader
        .into_decoder()
        .map_err(|error| PhotoError::Unreadable(error.to_string()))?;
    let orientation = decoder
        .orientation()
        .map_err(|error| PhotoError::Unreadable(error.to_string()))?;
    let mut image = DynamicImage::from_decoder(decoder)
        .map_err(|error| PhotoError::Unreadable(error.to_string()))?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// A 16,000-pixel side or half a gigabyte decoded is no phone photo: refuse it before it
/// takes the server's memory.
fn decoding_limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(16_000);
    limits.max_image_height = Some(16_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    limits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = DynamicImage::new_rgb8(width, height);
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        bytes
    }

    #[test]
    fn large_photos_are_scaled_to_the_longest_side() {
        let prepared = prepare(&png(4096, 1024)).unwrap();
        assert_eq!((prepared.width, prepared.height), (2048, 512));
        assert!(prepared.jpeg.starts_with(&[0xFF, 0xD8]));
    }

    #[test]
    fn small_photos_keep_their_size() {
        let prepared = prepare(&png(640, 480)).unwrap();
        assert_eq!((prepared.width, prepared.height), (640, 480));
    }

    #[test]
    fn what_is_not_an_image_is_refused() {
        assert!(matches!(
            prepare(b"%PDF-1.4 not a photo"),
            Err(PhotoError::NotAnImage)
        ));
        let mut truncated = png(64, 64);
        truncated.truncate(40);
        assert!(prepare(&truncated).is_err());
    }
}
