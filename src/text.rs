//! Vietnamese text folded to plain ASCII: for file names and for matching
//! what a planner types without diacritics ("chu ky so" finds "chữ ký số").

/// The base letter of a Vietnamese letter, lower-cased; other characters as they are.
fn fold_char(c: char) -> char {
    const GROUPS: [(&str, char); 12] = [
        ("àáạảãâầấậẩẫăằắặẳẵ", 'a'),
        ("ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ", 'a'),
        ("èéẹẻẽêềếệểễ", 'e'),
        ("ÈÉẸẺẼÊỀẾỆỂỄ", 'e'),
        ("ìíịỉĩ", 'i'),
        ("ÌÍỊỈĨ", 'i'),
        ("òóọỏõôồốộổỗơờớợởỡ", 'o'),
        ("ÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ", 'o'),
        ("ùúụủũưừứựửữ", 'u'),
        ("ÙÚỤỦŨƯỪỨỰỬỮ", 'u'),
        ("ỳýỵỷỹ", 'y'),
        ("ỲÝỴỶỸ", 'y'),
    ];
    match c {
        'đ' | 'Đ' => 'd',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => GROUPS
            .iter()
            .find(|(set, _)| set.contains(c))
            .map(|(_, base)| *base)
            .unwrap_or(c),
    }
}

/// Lower case without diacritics: "Chữ ký số" → "chu ky so". Marks typed as
/// separate characters (Unikey's "Unicode tổ hợp", text pasted from some
/// documents) are dropped, so both spellings fold alike.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(fold_char)
        .collect()
}

/// Whether every word of `query` is found in `text`, both folded: "ky so"
/// finds "Chữ ký số"; an empty query finds everything.
pub fn matches(query: &str, text: &str) -> bool {
    let text = fold(text);
    fold(query).split_whitespace().all(|w| text.contains(w))
}

/// As many words as fit in `room` characters, hyphens counted.
fn take_words<'a>(words: impl Iterator<Item = &'a str>, room: usize) -> Vec<&'a str> {
    let mut kept = Vec::new();
    let mut len = 0;
    for w in words {
        if len + w.len() + 1 > room {
            break;
        }
        len += w.len() + 1;
        kept.push(w);
    }
    kept
}

/// An ASCII file-name slug: "Kế hoạch Mộc Châu 2021" → "ke-hoach-moc-chau-2021".
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    // a long title keeps its first words and its last ones: plans handed down
    // end with the unit's name ("… — UBND xã Mường Chanh"), which must tell
    // seventy-five files apart
    let words: Vec<&str> = out.split('-').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return "ke-hoach".to_string();
    }
    let whole = words.join("-");
    if whole.len() <= 80 {
        return whole;
    }
    let head = take_words(words.iter().copied(), 40);
    let mut tail = take_words(words[head.len()..].iter().rev().copied(), 38);
    tail.reverse();
    match (head.is_empty(), tail.is_empty()) {
        (true, true) => words[0].chars().take(80).collect(),
        (true, _) => tail.join("-"),
        (_, true) => head.join("-"),
        _ => format!("{}-{}", head.join("-"), tail.join("-")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Chữ ký số"), "chu ky so");
        assert_eq!(fold("ĐIỆN TỬ Ưu tiên"), "dien tu uu tien");
        assert_eq!(slug("Kế hoạch Mộc Châu 2021"), "ke-hoach-moc-chau-2021");
        assert_eq!(
            slug("  «Chuyển đổi số» — năm 2026!  "),
            "chuyen-doi-so-nam-2026"
        );
        assert_eq!(slug("<script>"), "script");
        assert_eq!(slug("文件"), "ke-hoach");
        assert_eq!(
            slug("Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước huyện Mộc Châu năm 2021"),
            "ke-hoach-ung-dung-cong-nghe-thong-tin-quan-nha-nuoc-huyen-moc-chau-nam-2021"
        );
        // two communes' handed-down plans get two names
        let of = |unit: &str| {
            slug(&format!("Kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số tỉnh Sơn La năm 2026 — UBND {unit}"))
        };
        assert_ne!(of("xã Mộc Châu"), of("xã Yên Châu"));
        assert!(
            of("xã Mường Chanh").ends_with("ubnd-xa-muong-chanh"),
            "{}",
            of("xã Mường Chanh")
        );
        assert!(slug(&"dài ".repeat(60)).len() <= 80);
    }

    #[test]
    fn a_search_finds_every_word_in_any_order_without_diacritics() {
        let name = "VB-07 Hồ sơ công việc được ký số cá nhân Văn bản";
        assert!(matches("ky so", name));
        assert!(matches("  van ban  vb-07 ", name));
        assert!(matches("KÝ SỐ", name));
        assert!(matches("", name));
        assert!(!matches("ky so to chuc", name));
        assert!(!matches("vb-08", name));
        // "ký số" with its marks typed as separate characters, and such a name
        assert!(matches("k\u{79}\u{301} s\u{6f}\u{302}\u{301}", name));
        assert!(matches(
            "ky so",
            "Hồ sơ được k\u{79}\u{301} s\u{6f}\u{302}\u{301}"
        ));
    }
}
