//! The plan as an Excel workbook (`rust_xlsxwriter`): a sheet with the
//! indicator table (the targets of each year, figures as numbers with number
//! formats that show them the planner's way, group rows, a frozen and
//! repeated header), and a sheet with every target and actual, the counts
//! behind shares, the achievement and the status.

use super::document::{annex_table, of_line, results_table, Line, Table, Value};
use crate::i18n::{Lang, M};
use crate::plan::{Date, Plan};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

const FONT: &str = "Times New Roman";
/// A4 in Excel's paper numbering.
const A4: u8 = 9;

fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(12)
        .set_align(FormatAlign::VerticalCenter)
}

fn cell_format(centred: bool) -> Format {
    let f = base().set_border(FormatBorder::Thin).set_text_wrap();
    if centred {
        f.set_align(FormatAlign::Center)
    } else {
        f.set_align(FormatAlign::Left)
    }
}

/// Writes a table from `first_row`: the header (bold, shaded), group rows
/// (bold, the heading across the columns after the number), and cells.
/// Returns the header's row.
fn write_table(sheet: &mut Worksheet, table: &Table, first_row: u32) -> Result<u32, XlsxError> {
    let head = cell_format(true).set_bold().set_background_color(0xE7E6E6);
    let last_col = table.head.len().saturating_sub(1) as u16;
    for (c, h) in table.head.iter().enumerate() {
        sheet.write_string_with_format(first_row, c as u16, h, &head)?;
    }
    for (c, w) in table.widths.iter().enumerate() {
        sheet.set_column_width(c as u16, f64::from(*w) * 1.1)?;
    }
    let group = cell_format(false).set_bold();
    let group_number = cell_format(true).set_bold();
    for (row, line) in (first_row + 1..).zip(&table.lines) {
        match line {
            Line::Group { number, title } => {
                sheet.write_string_with_format(row, 0, number, &group_number)?;
                if last_col >= 1 {
                    sheet.merge_range(row, 1, row, last_col, title, &group)?;
                }
            }
            Line::Cells(cells) => {
                for (c, v) in cells.iter().enumerate() {
                    let f = cell_format(table.centred.get(c).copied().unwrap_or(false));
                    let col = c as u16;
                    match v {
                        Value::Empty => {
                            sheet.write_blank(row, col, &f)?;
                        }
                        Value::Text(t) => {
                            sheet.write_string_with_format(row, col, t, &f)?;
                        }
                        Value::Number { value, format, .. } => {
                            sheet.write_number_with_format(
                                row,
                                col,
                                *value,
                                &f.set_num_format(format),
                            )?;
                        }
                    }
                }
            }
        }
    }
    Ok(first_row)
}

fn print_setup(sheet: &mut Worksheet, header_row: u32) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    // margins in inches: 30 mm left, 15 mm right, 20 mm top and bottom
    sheet.set_margins(1.18, 0.59, 0.79, 0.79, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    Ok(())
}

/// The workbook's bytes. `today` stands in for the plan's "figures as of"
/// date when it has none, and dates the file.
pub fn write(plan: &Plan, lang: Lang, today: Date) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut props = DocProperties::new()
        .set_title(&plan.title)
        .set_author(&plan.author);
    if let Ok(d) =
        ExcelDateTime::from_ymd(today.year.clamp(1900, 9999) as u16, today.month, today.day)
    {
        props = props.set_creation_datetime(&d);
    }
    book.set_properties(&props);

    let sheet = book.add_worksheet();
    sheet.set_name(lang.t(M::ColIndicator))?;
    let title = base()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let italic = base().set_italic().set_align(FormatAlign::Center);
    let table = annex_table(plan, lang, true);
    let last_col = table.head.len().saturating_sub(1) as u16;
    sheet.merge_range(0, 0, 0, last_col, &plan.title, &title)?;
    sheet.merge_range(1, 0, 1, last_col, &of_line(plan, lang), &italic)?;
    let header = write_table(sheet, &table, 3)?;
    print_setup(sheet, header)?;

    let sheet = book.add_worksheet();
    sheet.set_name(lang.t(M::ColActual))?;
    let header = write_table(sheet, &results_table(plan, lang, today), 0)?;
    print_setup(sheet, header)?;

    book.save_to_buffer()
}
