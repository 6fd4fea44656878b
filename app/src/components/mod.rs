pub mod footer;
pub mod header;
pub mod text_field;
