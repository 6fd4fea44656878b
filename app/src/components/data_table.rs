use leptos::prelude::*;

/// The desk's one table: a scrolling frame, a header row of `columns` in the reader's
/// language, and the caller's rows. On a phone each row becomes a card whose cells show
/// their column through `data-label`, so rows should set it.
#[component]
pub fn DataTable(
    #[prop(into)] columns: Signal<Vec<&'static str>>,
    /// Extra classes for the `<table>` (column widths of one table).
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class=format!("data-table {class}")>
                <thead>
                    <tr>
                        {move || columns.get().into_iter().map(|column| view! { <th scope="col">{column}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
