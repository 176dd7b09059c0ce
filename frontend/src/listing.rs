//! The state of a list page, kept in the address (`?q=&limit=&offset=`) so a search or a
//! page can be linked, reloaded and walked with back and forward.

use leptos_router::params::ParamsMap;

/// Rows per page unless the address says otherwise.
pub const DEFAULT_PAGE_SIZE: i64 = 20;

/// Largest page a list asks for, whatever the address says.
pub const MAX_PAGE_SIZE: i64 = 100;

/// The address key of a list's own filter, such as the kind of counterparty.
const FILTER_KEY: &str = "tipo";

/// Which page of a list to show and ask the API for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// Free text the server matches against the list's main fields; empty for all.
    pub q: String,
    pub limit: i64,
    pub offset: i64,
    /// The list's own filter (`?tipo=`), which each page reads its way; searching and
    /// paging keep it.
    pub filter: Option<String>,
}

impl Default for ListQuery {
    fn default() -> ListQuery {
        ListQuery {
            q: String::new(),
            limit: DEFAULT_PAGE_SIZE,
            offset: 0,
            filter: None,
        }
    }
}

impl ListQuery {
    /// Reads the address, replacing anything out of range by its default.
    pub fn from_address(params: &ParamsMap) -> ListQuery {
        let number = |key: &str| {
            params
                .get_str(key)
                .and_then(|value| value.parse::<i64>().ok())
        };
        ListQuery {
            q: params.get_str("q").unwrap_or_default().trim().to_string(),
            limit: number("limit")
                .filter(|limit| (1..=MAX_PAGE_SIZE).contains(limit))
                .unwrap_or(DEFAULT_PAGE_SIZE),
            offset: number("offset").filter(|offset| *offset >= 0).unwrap_or(0),
            filter: params
                .get_str(FILTER_KEY)
                .map(str::trim)
                .filter(|filter| !filter.is_empty())
                .map(str::to_string),
        }
    }

    /// The first page of the same search under another filter.
    pub fn filtered(&self, filter: Option<&str>) -> ListQuery {
        ListQuery {
            offset: 0,
            filter: filter.map(str::to_string),
            ..self.clone()
        }
    }

    /// The same search at another offset.
    pub fn at_offset(&self, offset: i64) -> ListQuery {
        ListQuery {
            offset: offset.max(0),
            ..self.clone()
        }
    }

    /// The query parameters for the API, which always gets the limit and offset.
    pub fn api_params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![
            ("limit", self.limit.to_string()),
            ("offset", self.offset.to_string()),
        ];
        if !self.q.is_empty() {
            params.push(("q", self.q.clone()));
        }
        params
    }

    /// The query string for the address; defaults stay out of it.
    pub fn address_params(&self, encode: impl Fn(&str) -> String) -> Vec<String> {
        let mut params = Vec::new();
        if !self.q.is_empty() {
            params.push(format!("q={}", encode(&self.q)));
        }
        if self.limit != DEFAULT_PAGE_SIZE {
            params.push(format!("limit={}", self.limit));
        }
        if self.offset > 0 {
            params.push(format!("offset={}", self.offset));
        }
        if let Some(filter) = &self.filter {
            params.push(format!("{FILTER_KEY}={}", encode(filter)));
        }
        params
    }

    /// The query as the server answered it: it may have clamped the limit or offset.
    pub fn as_answered(&self, limit: i64, offset: i64) -> ListQuery {
        ListQuery {
            limit: if limit > 0 { limit } else { self.limit },
            offset: offset.max(0),
            ..self.clone()
        }
    }
}

/// Where a list lives and what it is called, for the search box and the pagination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListPlace {
    /// The page's path, e.g. `/contrapartes`.
    pub path: &'static str,
    /// Prefix of the `data-testid`s of its search box and pagination, e.g. `counterparties`.
    pub testid: &'static str,
    /// What the search box says it finds, e.g. "Buscar por nombre o RFC".
    pub placeholder: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> String {
        text.to_string()
    }

    #[test]
    fn defaults_stay_out_of_the_address() {
        assert!(ListQuery::default().address_params(plain).is_empty());

        let query = ListQuery {
            q: "obra".to_string(),
            limit: 50,
            offset: 100,
            filter: Some("client".to_string()),
        };
        assert_eq!(
            query.address_params(plain),
            ["q=obra", "limit=50", "offset=100", "tipo=client"]
        );
    }

    #[test]
    fn another_filter_starts_over_on_the_first_page_of_the_same_search() {
        let query = ListQuery {
            q: "obra".to_string(),
            offset: 40,
            ..ListQuery::default()
        };

        let filtered = query.filtered(Some("client"));

        assert_eq!(filtered.offset, 0);
        assert_eq!(filtered.q, "obra");
        assert_eq!(filtered.filter.as_deref(), Some("client"));
    }

    #[test]
    fn the_api_always_gets_limit_and_offset() {
        let params = ListQuery::default().api_params();

        assert_eq!(
            params,
            [("limit", "20".to_string()), ("offset", "0".to_string())]
        );
    }

    #[test]
    fn paging_never_goes_before_the_first_row() {
        assert_eq!(ListQuery::default().at_offset(-20).offset, 0);
        assert_eq!(
            ListQuery::default().as_answered(0, -1).limit,
            DEFAULT_PAGE_SIZE
        );
    }
}
