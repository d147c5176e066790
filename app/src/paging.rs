//! Cursor paging kept in the URL: `starting_after` (the cursor this page starts after) and `trail`
//! (the cursors of the pages before it, oldest first, `""` for the first page), so Previous works
//! without JavaScript and without asking Dintero again. Used by every paged list.

/// Where a page is in a cursor-paged list.
#[derive(Debug, Clone, Copy)]
pub struct Cursor<'a> {
    pub starting_after: Option<&'a str>,
    pub trail: &'a [String],
}

impl Cursor<'_> {
    /// The query pairs of the page after this one, which starts after `next`.
    pub fn next_pairs(&self, mut filters: Vec<(&'static str, String)>, next: &str) -> Vec<(&'static str, String)> {
        let mut trail = self.trail.to_vec();
        trail.push(self.starting_after.unwrap_or_default().to_owned());
        filters.push(("starting_after", next.to_owned()));
        filters.push(("trail", trail.join(",")));
        filters
    }

    /// The query pairs of the page before this one; `None` on the first page.
    pub fn previous_pairs(&self, mut filters: Vec<(&'static str, String)>) -> Option<Vec<(&'static str, String)>> {
        self.starting_after?;
        let mut trail = self.trail.to_vec();
        let previous = trail.pop().unwrap_or_default();
        if !previous.is_empty() {
            filters.push(("starting_after", previous));
            filters.push(("trail", trail.join(",")));
        }
        Some(filters)
    }

    /// The page number (1 for the first).
    pub fn page_number(&self) -> usize {
        if self.starting_after.is_some() {
            self.trail.len() + 1
        } else {
            1
        }
    }
}

/// `path` with `pairs` as its query, each value percent-encoded.
pub fn href(path: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return path.to_owned();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::url::encode(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// The `trail` parameter's cursors.
pub fn parse_trail(value: &str) -> Vec<String> {
    value.split(',').map(str::to_owned).collect()
}
