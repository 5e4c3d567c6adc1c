//! `sitemap.xml` and `robots.txt`: what crawlers of an intranet search read.
//!
//! The sitemap lists every page from the renderer's own list
//! ([`Page::all`]), so the two can never disagree; only the not-found page is
//! left out. URLs are absolute, from `base_url`, in directory form. A
//! meeting's page carries its date as `lastmod` (a month-only date as the
//! first of its month); other pages have no date that means anything, so they
//! carry none rather than the build date.

use std::io::Write;

use super::xml::Xml;
use super::{io, iso_day};
use crate::page::Ctx;
use crate::page::Page;

const SITEMAPS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// Writes the sitemap.
pub(super) fn write(
    ctx: &Ctx<'_>,
    out: &mut dyn Write,
    _: &mut super::Reuse<'_>,
) -> Result<(), String> {
    let mut x = Xml::new()?;
    x.open("urlset", &[("xmlns", SITEMAPS)])?;
    for page in Page::all(ctx) {
        if page == Page::NotFound {
            continue;
        }
        x.open("url", &[])?;
        x.text("loc", &[], &ctx.urls.permalink(&page.dir(ctx)))?;
        if let Page::Meeting(i) = page {
            x.text("lastmod", &[], &iso_day(ctx.site.meetings[i].date.start()))?;
        }
        x.close("url")?;
    }
    x.close("urlset")?;
    out.write_all(&x.finish()).map_err(io)
}

/// Writes `robots.txt`: every page may be crawled; the sitemap is named.
pub(super) fn robots(
    ctx: &Ctx<'_>,
    out: &mut dyn Write,
    _: &mut super::Reuse<'_>,
) -> Result<(), String> {
    write!(
        out,
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        ctx.urls.permalink("sitemap.xml")
    )
    .map_err(io)
}
