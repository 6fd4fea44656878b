//! CSV as spreadsheets open it: UTF-8 with a byte-order mark (so Excel does not guess a
//! code page), every cell quoted, and a leading `=`, `+`, `-` or `@` defused so a cell is
//! never run as a formula. Danish spreadsheets read `;` between cells and `,` in numbers.

use crate::message::Language;

pub struct Csv {
    out: String,
    separator: char,
    decimal: char,
}

impl Csv {
    pub fn new(lang: Language) -> Csv {
        let (separator, decimal) = match lang {
            Language::En => (',', '.'),
            Language::Da => (';', ','),
        };
        Csv { out: String::from('\u{feff}'), separator, decimal }
    }

    /// One line of cells.
    pub fn line<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (index, cell) in cells.into_iter().enumerate() {
            if index > 0 {
                self.out.push(self.separator);
            }
            self.out.push_str(&quoted(cell.as_ref()));
        }
        self.out.push_str("\r\n");
    }

    /// A number as the reader's spreadsheet writes it (one decimal at most).
    pub fn number(&self, value: f64) -> String {
        let text = if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value:.1}") };
        text.replace('.', &self.decimal.to_string())
    }

    pub fn finish(self) -> String {
        self.out
    }
}

fn quoted(cell: &str) -> String {
    let negative_number =
        cell.starts_with('-') && cell[1..].chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    let defused = if cell.starts_with(['=', '+', '-', '@']) && !negative_number {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_danish_files() {
        let mut english = Csv::new(Language::En);
        english.line(["Median", &english.number(90.5)]);
        assert_eq!(english.finish(), "\u{feff}\"Median\",\"90.5\"\r\n");
        let mut danish = Csv::new(Language::Da);
        danish.line(["Median", &danish.number(90.5), &danish.number(3.0)]);
        assert_eq!(danish.finish(), "\u{feff}\"Median\";\"90,5\";\"3\"\r\n");
    }

    #[test]
    fn formulas_are_defused_and_quotes_doubled() {
        let mut csv = Csv::new(Language::En);
        csv.line(["=HYPERLINK(\"x\")", "@SUM(A1)", "-12.5", "-cmd"]);
        assert_eq!(csv.finish(), "\u{feff}\"'=HYPERLINK(\"\"x\"\")\",\"'@SUM(A1)\",\"-12.5\",\"'-cmd\"\r\n");
    }
}
