//! Images made in memory for photo and logo uploads.

pub fn encoded(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::DynamicImage::new_rgb8(width, height)
        .write_to(&mut std::io::Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

/// A JPEG whose EXIF says "rotate 90° clockwise to view", as phones held upright write.
pub fn sideways_jpeg(width: u32, height: u32) -> Vec<u8> {
    let jpeg = encoded(width, height, image::ImageFormat::Jpeg);
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend([0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let length = (app1.len() + 2) as u16;
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(length.to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}
