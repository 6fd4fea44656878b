pub mod account_menu;
pub mod footer;
pub mod guard;
pub mod header;
pub mod preference_select;
pub mod text_field;
pub mod ticket_card;
pub mod ticket_list;
