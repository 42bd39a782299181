//! ddexlint: a linter for DDEX ERN release feeds.
//!
//! Data flows one way: [`source`] decodes bytes, [`xml`] reads them strictly, [`ern`] builds
//! one typed [`ern::Feed`] for ERN 3 and ERN 4, [`rules`] turn it into [`finding::Finding`]s,
//! and [`render`] writes them. The library never prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod catalogue;
pub mod config;
pub mod ern;
pub mod finding;
pub mod fix;
pub mod hash;
pub mod ids;
pub mod labels;
pub mod lint;
pub mod render;
pub mod report;
pub mod rules;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod text;
pub mod xml;
