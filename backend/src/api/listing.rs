//! The query parameters every list takes: `q`, `limit`, `offset` and `sort`.

use crate::{
    db::{Listing, like_pattern},
    error::{ApiError, ApiResult},
};

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 200;

/// A resource's sort keys and the SQL each stands for; the first is the default.
pub type SortKeys = &'static [(&'static str, &'static str)];

/// Checks the list parameters as sent and turns them into a [`Listing`].
///
/// `sort` is one of `keys` (`name`), or one with a leading `-` for descending (`-name`).
/// The id breaks ties, so pages never overlap; list queries call their main table `t`.
pub fn listing(
    q: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
    sort: Option<String>,
    keys: SortKeys,
) -> ApiResult<Listing> {
    listing_up_to(q, limit, offset, sort, keys, MAX_LIMIT)
}

/// [`listing`] with another largest page, for lists that are read whole (catalogs).
pub fn listing_up_to(
    q: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
    sort: Option<String>,
    keys: SortKeys,
    max_limit: i64,
) -> ApiResult<Listing> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=max_limit).contains(&limit) {
        return Err(ApiError::invalid("limit", format!("use 1 to {max_limit}")));
    }
    let offset = offset.unwrap_or(0);
    if offset < 0 {
        return Err(ApiError::invalid("offset", "use 0 or more"));
    }
    if q.as_deref()
        .is_some_and(shared::validate::has_control_characters)
    {
        return Err(ApiError::invalid(
            "q",
            "remove the control characters from the search",
        ));
    }
    let pattern = q
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
        .map(|text| like_pattern(&text));

    Ok(Listing {
        pattern,
        limit,
        offset,
        order: order_by(sort.as_deref(), keys)?,
    })
}

fn order_by(sort: Option<&str>, keys: SortKeys) -> ApiResult<String> {
    let sort = sort.map(str::trim).filter(|text| !text.is_empty());
    let (key, descending) = match sort {
        None => (keys[0].0, false),
        Some(text) => match text.strip_prefix('-') {
            Some(key) => (key, true),
            None => (text, false),
        },
    };
    let Some((_, expression)) = keys.iter().find(|(candidate, _)| *candidate == key) else {
        let known: Vec<&str> = keys.iter().map(|(name, _)| *name).collect();
        return Err(ApiError::invalid(
            "sort",
            format!(
                "sort by one of {}, with a leading - to reverse",
                known.join(", ")
            ),
        ));
    };
    let direction = if descending { "DESC" } else { "ASC" };
    Ok(format!("{expression} {direction}, t.id {direction}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: SortKeys = &[("name", "lower(name)"), ("kind", "kind")];

    #[test]
    fn sort_takes_a_known_key_either_way() {
        assert_eq!(order_by(None, KEYS).unwrap(), "lower(name) ASC, t.id ASC");
        assert_eq!(
            order_by(Some("-kind"), KEYS).unwrap(),
            "kind DESC, t.id DESC"
        );
    }

    #[test]
    fn an_unknown_sort_names_the_parameter() {
        let error = order_by(Some("name; DROP TABLE units"), KEYS).unwrap_err();
        assert_eq!(error.to_problem().errors[0].field, "sort");
    }
}
