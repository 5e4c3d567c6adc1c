//! quorum: meeting minutes in, a cross-linked static knowledge site out.
//!
//! The pipeline reads as DESIGN §5 describes it:
//! [`source::load`] → [`model::parse`] → [`graph::resolve`] → [`render`] →
//! [`output`]. Each stage takes typed input and returns typed output; the
//! library never prints, it returns reports and diagnostics.

// Diagnostics are the error values of this crate: returned by value, on purpose.
#![allow(clippy::result_large_err)]

pub mod config;
pub mod diagnostic;
pub mod frontmatter;
pub mod graph;
pub mod markdown;
pub mod model;
pub mod source;
