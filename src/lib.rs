//! quorum: meeting minutes in, a cross-linked static knowledge site out.
//!
//! The pipeline reads as docs/architecture.md describes it:
//! [`source::load`] → [`model::parse`] → [`graph::resolve`] → [`render`] →
//! [`output`], in [`stages`] run by a [`Pipeline`]. Each stage takes typed input and returns
//! typed output; the library never prints, it returns reports and diagnostics.
//!
//! The modules are layers that only point down: each uses only the modules
//! below it, in the order `docs/architecture.md` gives.

// Diagnostics are the error values of this crate: returned by value, on purpose.
#![allow(clippy::result_large_err)]
// What only the crate uses says so: `pub` is what the command and the tests use.
#![warn(unreachable_pub)]

pub mod archetype;
pub mod check;
pub mod config;
pub mod diagnostic;
pub(crate) mod export;
pub(crate) mod frontmatter;
pub mod graph;
pub(crate) mod hash;
pub mod history;
pub mod i18n;
pub mod incremental;
pub(crate) mod markdown;
pub mod model;
pub mod output;
pub mod page;
pub(crate) mod pipeline;
pub mod render;
pub mod search;
pub mod serve;
pub(crate) mod sink;
pub(crate) mod slug;
pub mod source;
pub(crate) mod stages;
pub mod timing;
pub(crate) mod views;
pub mod watch;

pub use pipeline::Pipeline;
pub use stages::{BuildReport, Error, analyse, build, build_waiting, load_config, prepare_new};
pub use timing::{Lap, peak_memory};
