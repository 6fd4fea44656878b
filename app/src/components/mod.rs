pub mod footer;
pub mod header;
pub mod preference_select;
pub mod text_field;
