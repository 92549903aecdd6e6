//! Tab-separated text as spreadsheets put it on the clipboard: rows by line,
//! cells by tab, a cell holding a tab, a line break or a quote wrapped in
//! quotes with its quotes doubled (Excel, LibreOffice, Google Sheets).

/// The rows and cells of copied text. A final line break ends the last row
/// (it does not start an empty one); `\r\n` counts as one line break.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut at_cell_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_cell_start => {
                // a quoted cell: up to the closing quote, "" being one quote
                while let Some(q) = chars.next() {
                    if q == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            cell.push('"');
                        } else {
                            break;
                        }
                    } else {
                        cell.push(q);
                    }
                }
                at_cell_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_cell_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_cell_start = true;
            }
            c => {
                cell.push(c);
                at_cell_start = false;
            }
        }
    }
    if !cell.is_empty() || !row.is_empty() || !at_cell_start {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Rows of cells as tab-separated text that a spreadsheet pastes into cells:
/// a cell holding a tab, a line break or a quote is quoted.
pub fn write(rows: &[Vec<String>]) -> String {
    let cell = |c: &String| {
        if c.contains(['\t', '\n', '\r', '"']) {
            format!("\"{}\"", c.replace('"', "\"\""))
        } else {
            c.clone()
        }
    };
    rows.iter()
        .map(|r| r.iter().map(cell).collect::<Vec<_>>().join("\t"))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_column_and_a_block_copied_from_a_spreadsheet() {
        assert_eq!(
            parse("85\r\n90\r\n100\r\n"),
            rows(&[&["85"], &["90"], &["100"]])
        );
        assert_eq!(
            parse("62\t80\t75\n5\t20\t\n"),
            rows(&[&["62", "80", "75"], &["5", "20", ""]])
        );
        assert_eq!(parse("1.249/1.567"), rows(&[&["1.249/1.567"]]));
        assert_eq!(
            parse("\"Tên có\ttab\"\t\"dòng\nhai\"\t\"nói \"\"rõ\"\"\"\n"),
            rows(&[&["Tên có\ttab", "dòng\nhai", "nói \"rõ\""]])
        );
        assert!(parse("").is_empty());
    }

    #[test]
    fn what_is_written_reads_back() {
        let r = rows(&[&["98,3", "trên 97", ""], &["a\tb", "c\"d", "e\nf"]]);
        assert_eq!(parse(&write(&r)), r);
    }
}
