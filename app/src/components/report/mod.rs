//! The reports page's parts: filters kept in the address, headline tiles, and figures (an
//! SVG chart with its numbers table and CSV beside it).

pub mod breach_tile;
pub mod chart;
pub mod figure;
pub mod filters;
pub mod numbers;
pub mod tiles;
