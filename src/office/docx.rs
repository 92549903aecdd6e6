//! An official document as a Word file (`docx-rs`), laid out as Decree
//! 30/2020/NĐ-CP asks: A4, Times New Roman 13, margins 20 mm top and bottom,
//! 30 mm left and 15 mm right; the issuing body and number top left, the
//! national motto and the place and date top right; the title centred; the
//! table with its header row repeated on every page; page numbers centred
//! in the top margin from the second page on. A wide table turns the page.

use super::document::{Document, Line};
use docx_rs::{
    AlignmentType, Docx, Header, PageMargin, PageNum, PageOrientationType, Paragraph, Run,
    RunFonts, Table, TableBorders, TableCell, TableRow, WidthType,
};

const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
/// 20 mm, 30 mm, 15 mm in twentieths of a point.
const MM20: i32 = 1_134;
const MM30: i32 = 1_701;
const MM15: i32 = 850;
/// sizes in half-points
const BODY: usize = 26;
const SMALL: usize = 24;
/// The height given to header rows: the mark by which they are found again
/// to be flagged as repeated on every page (docx-rs has no such flag).
const HEADER_ROW_HEIGHT: f32 = 397.0;
const HEADER_ROW_XML: &str = r#"<w:trHeight w:val="397" w:hRule="atLeast" />"#;

/// A run of text; characters XML cannot hold (controls other than tab and
/// line breaks, which can come in with pasted or imported text) are left out.
fn run(text: &str, size: usize) -> Run {
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    Run::new().add_text(text).size(size).fonts(
        RunFonts::new()
            .ascii(FONT)
            .hi_ansi(FONT)
            .cs(FONT)
            .east_asia(FONT),
    )
}

fn line(text: &str, size: usize, bold: bool, italic: bool, align: AlignmentType) -> Paragraph {
    let mut r = run(text, size);
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    Paragraph::new().add_run(r).align(align)
}

fn plain_cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .clear_all_border();
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

/// The header block: a table without borders, issuer left, motto right.
fn header_block(doc: &Document, text_width: usize) -> Table {
    let left_w = text_width * 2 / 5;
    let right_w = text_width - left_w;
    let mut left = Vec::new();
    if let Some(p) = &doc.parent {
        left.push(line(p, SMALL, false, false, AlignmentType::Center));
    }
    left.push(line(&doc.issuer, SMALL, true, false, AlignmentType::Center));
    if let Some(n) = &doc.number {
        left.push(line(n, BODY, false, false, AlignmentType::Center));
    }
    let mut right = vec![
        line(&doc.motto[0], SMALL, true, false, AlignmentType::Center),
        Paragraph::new()
            .add_run(run(&doc.motto[1], BODY).bold().underline("single"))
            .align(AlignmentType::Center),
    ];
    if let Some(pd) = &doc.place_date {
        right.push(line(pd, BODY, false, true, AlignmentType::Center));
    }
    Table::new(vec![TableRow::new(vec![
        plain_cell(left, left_w),
        plain_cell(right, right_w),
    ])])
    .set_grid(vec![left_w, right_w])
    .width(text_width, WidthType::Dxa)
    .set_borders(TableBorders::with_empty())
}

/// The document's table: the header row repeated on every page, group rows
/// in bold with their heading across the row, rows that never split.
fn main_table(doc: &Document, text_width: usize) -> Table {
    let t = &doc.table;
    let total: usize = t
        .widths
        .iter()
        .map(|w| usize::from(*w))
        .sum::<usize>()
        .max(1);
    let widths: Vec<usize> = t
        .widths
        .iter()
        .map(|w| usize::from(*w) * text_width / total)
        .collect();
    let cell = |text: &str, c: usize, bold: bool| {
        let align = if t.centred.get(c).copied().unwrap_or(false) {
            AlignmentType::Center
        } else {
            AlignmentType::Left
        };
        TableCell::new()
            .width(widths.get(c).copied().unwrap_or(1_000), WidthType::Dxa)
            .add_paragraph(line(text, SMALL, bold, false, align))
    };
    let mut rows = vec![TableRow::new(
        t.head
            .iter()
            .enumerate()
            .map(|(c, h)| {
                TableCell::new()
                    .width(widths.get(c).copied().unwrap_or(1_000), WidthType::Dxa)
                    .add_paragraph(line(h, SMALL, true, false, AlignmentType::Center))
            })
            .collect(),
    )
    .row_height(HEADER_ROW_HEIGHT)
    .height_rule(docx_rs::HeightRule::AtLeast)
    .cant_split()];
    for l in &t.lines {
        let row = match l {
            Line::Group { number, title } => {
                let rest: usize = widths.iter().skip(1).sum();
                TableRow::new(vec![
                    cell(number, 0, true),
                    TableCell::new()
                        .width(rest, WidthType::Dxa)
                        .grid_span(t.head.len().saturating_sub(1).max(1))
                        .add_paragraph(line(title, SMALL, true, false, AlignmentType::Left)),
                ])
            }
            Line::Cells(cells) => TableRow::new(
                cells
                    .iter()
                    .enumerate()
                    .map(|(c, v)| cell(v.shown(), c, false))
                    .collect(),
            ),
        };
        rows.push(row.cant_split());
    }
    Table::new(rows)
        .set_grid(widths)
        .width(text_width, WidthType::Dxa)
}

/// The document's bytes.
pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    let mut out = std::io::Cursor::new(Vec::new());
    build(doc)?.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// The document's parts, before they are zipped.
fn build(doc: &Document) -> Result<docx_rs::XMLDocx, String> {
    let landscape = doc.table.head.len() > 7;
    let (w, h) = if landscape { (A4.1, A4.0) } else { A4 };
    let text_width = (w as i32 - MM30 - MM15) as usize;
    let page_number = Header::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center),
    );
    let mut docx = Docx::new()
        .page_size(w, h)
        .page_margin(
            PageMargin::new()
                .top(MM20)
                .bottom(MM20)
                .left(MM30)
                .right(MM15)
                .header(567)
                .footer(567),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(BODY)
        .header(page_number)
        .first_header(Header::new());
    if landscape {
        docx = docx.page_orient(PageOrientationType::Landscape);
    }
    docx = docx
        .add_table(header_block(doc, text_width))
        .add_paragraph(Paragraph::new())
        .add_paragraph(line(&doc.title, 28, true, false, AlignmentType::Center))
        .add_paragraph(line(
            &doc.subtitle,
            BODY,
            true,
            false,
            AlignmentType::Center,
        ))
        .add_paragraph(line(&doc.of_line, BODY, false, true, AlignmentType::Center))
        .add_paragraph(Paragraph::new());
    for l in &doc.lead {
        docx = docx.add_paragraph(line(l, BODY, false, false, AlignmentType::Left));
    }
    docx = docx.add_table(main_table(doc, text_width));
    for c in &doc.closing {
        docx = docx.add_paragraph(Paragraph::new()).add_paragraph(line(
            c,
            BODY,
            false,
            false,
            AlignmentType::Left,
        ));
    }
    let mut xml = docx.build();
    // docx-rs cannot flag a row as the table's header: the rows given the
    // header height are flagged here, in the document's own XML
    let document =
        String::from_utf8(std::mem::take(&mut xml.document)).map_err(|e| e.to_string())?;
    if !document.contains(HEADER_ROW_XML) {
        return Err("header row not found".into());
    }
    xml.document = document
        .replace(HEADER_ROW_XML, &format!("{HEADER_ROW_XML}<w:tblHeader />"))
        .into_bytes();
    Ok(xml)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::office::document;

    #[test]
    fn markup_and_control_characters_stay_text() {
        let mut plan = crate::catalog::sample_plan("s");
        let ind = plan.indicator_mut("s-0").unwrap();
        ind.name.vi = "<b>&amp;\u{1}\u{1b}</w:t>\"'".into();
        let xml =
            String::from_utf8(build(&document::annex(&plan, Lang::Vi)).unwrap().document).unwrap();
        assert!(
            xml.contains("&lt;b&gt;&amp;amp;&lt;/w:t&gt;"),
            "{}",
            &xml[..xml.len().min(400)]
        );
        assert!(!xml.contains('\u{1}') && !xml.contains('\u{1b}'));
        assert_eq!(xml.matches("<w:tblHeader />").count(), 1);
    }

    #[test]
    fn the_page_is_a4_in_times_new_roman_13() {
        let plan = crate::catalog::sample_plan("s");
        let xml = build(&document::annex(&plan, Lang::Vi)).unwrap();
        let styles = String::from_utf8(xml.styles).unwrap();
        // the default run font, for every script the text can use
        let fonts = r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" />"#;
        assert!(styles.contains(fonts), "{styles}");
        assert!(styles.contains(&format!(r#"<w:sz w:val="{BODY}" />"#)), "{styles}");
        let body = String::from_utf8(xml.document).unwrap();
        // A4 is 11906 × 16838 twentieths of a point; the annex's wide table turns it
        assert!(
            body.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />"#)
                || body.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#),
            "{}",
            &body[body.find("<w:sectPr").unwrap_or(0)..]
        );
    }
}
