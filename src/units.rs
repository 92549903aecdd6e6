//! The official list of administrative units since 1 July 2025: 34 provinces
//! and centrally-run cities, 3,321 communes, wards and special zones, with
//! their statistics codes. The list is a data file (`assets/units.tsv`) the
//! app fetches from its own origin only when a unit is being chosen, so the
//! bundle does not carry it; this module reads and searches it.

use crate::plan::{Level, Unit};
use crate::text::fold;

/// A commune, ward or special zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Commune {
    pub code: String,
    /// "Xã Mường Sang", "Phường Hoàn Kiếm", "Đặc khu Phú Quốc"
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Province {
    pub code: String,
    /// "Tỉnh Sơn La", "Thành phố Hà Nội"
    pub name: String,
    pub communes: Vec<Commune>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct UnitList {
    pub provinces: Vec<Province>,
}

/// A unit found by a search, with its province.
#[derive(Clone, Debug, PartialEq)]
pub struct Found<'a> {
    pub province: &'a Province,
    /// `None`: the province itself
    pub commune: Option<&'a Commune>,
}

/// "Xã Mường Sang" → "UBND xã Mường Sang": the people's committee, as plans name their issuing body.
pub fn committee(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => format!("UBND {}{}", first.to_lowercase(), chars.as_str()),
        None => String::new(),
    }
}

impl Found<'_> {
    /// The unit as a plan records it: the people's committee, its level and official code.
    pub fn unit(&self) -> Unit {
        match self.commune {
            Some(c) => Unit {
                name: committee(&c.name),
                level: Level::Commune,
                code: c.code.clone(),
            },
            None => Unit {
                name: committee(&self.province.name),
                level: Level::Province,
                code: self.province.code.clone(),
            },
        }
    }

    /// "Xã Mường Sang, Tỉnh Sơn La", as the list shows it.
    pub fn label(&self) -> String {
        match self.commune {
            Some(c) => format!("{}, {}", c.name, self.province.name),
            None => self.province.name.clone(),
        }
    }
}

impl Province {
    /// The province's communes as the sub-units of its plan.
    pub fn sub_units(&self) -> Vec<Unit> {
        self.communes
            .iter()
            .map(|c| Unit {
                name: committee(&c.name),
                level: Level::Commune,
                code: c.code.clone(),
            })
            .collect()
    }
}

impl UnitList {
    /// Reads the data file. Lines starting with `#` are comments; a province
    /// line is `code<TAB>name`, a commune line under it `<TAB>code<TAB>name`.
    /// A line of neither form is an error naming its line number.
    pub fn parse(text: &str) -> Result<UnitList, usize> {
        let mut provinces: Vec<Province> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let parts: Vec<&str> = line.split('\t').collect();
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            match parts.as_slice() {
                ["", code, name] if digits(code) && !name.trim().is_empty() => {
                    let p = provinces.last_mut().ok_or(n + 1)?;
                    p.communes.push(Commune {
                        code: code.to_string(),
                        name: name.trim().to_string(),
                    });
                }
                [code, name] if digits(code) && !name.trim().is_empty() => {
                    provinces.push(Province {
                        code: code.to_string(),
                        name: name.trim().to_string(),
                        communes: Vec::new(),
                    })
                }
                _ => return Err(n + 1),
            }
        }
        Ok(UnitList { provinces })
    }

    pub fn province(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.code == code)
    }

    /// The province a unit is or belongs to, by its code.
    pub fn province_of(&self, code: &str) -> Option<&Province> {
        self.provinces
            .iter()
            .find(|p| p.code == code || p.communes.iter().any(|c| c.code == code))
    }

    /// Units whose name (with its province's) holds every word typed, without
    /// diacritics ("muong sang son la"); a code typed finds its unit. Provinces
    /// first, then names that start with the words, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Found<'_>> {
        let words: Vec<String> = fold(query)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let matches = |hay: &str| {
            let hay_words: Vec<&str> = hay
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            words
                .iter()
                .all(|w| hay_words.iter().any(|h| h.starts_with(w.as_str())))
        };
        let mut out: Vec<(u8, Found)> = Vec::new();
        for p in &self.provinces {
            let pname = fold(&p.name);
            if p.code == query.trim() || matches(&pname) {
                out.push((
                    0,
                    Found {
                        province: p,
                        commune: None,
                    },
                ));
            }
            for c in &p.communes {
                let cname = fold(&c.name);
                if c.code == query.trim() || matches(&format!("{cname} {pname}")) {
                    let starts = cname
                        .split_whitespace()
                        .skip(1)
                        .collect::<Vec<_>>()
                        .join(" ")
                        .starts_with(&words.join(" "));
                    out.push((
                        if starts { 1 } else { 2 },
                        Found {
                            province: p,
                            commune: Some(c),
                        },
                    ));
                }
            }
        }
        crate::sort::sort_by_key(&mut out, |(rank, _)| *rank);
        out.into_iter().take(limit).map(|(_, f)| f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str =
        "# a comment\n14\tTỉnh Sơn La\n\t04117\tXã Mường Chanh\n\t03980\tPhường Mộc Châu\n\t03979\tPhường Mộc Sơn\n01\tThành phố Hà Nội\n\t00070\tPhường Hoàn Kiếm\n";

    #[test]
    fn the_list_is_read_and_refuses_a_broken_line() {
        let list = UnitList::parse(SAMPLE).unwrap();
        assert_eq!(list.provinces.len(), 2);
        assert_eq!(list.provinces[0].communes.len(), 3);
        assert_eq!(list.province_of("04117").unwrap().name, "Tỉnh Sơn La");
        assert_eq!(UnitList::parse("\t04117\tXã trước tỉnh\n"), Err(1));
        assert_eq!(
            UnitList::parse("14\tTỉnh Sơn La\nkhông phải dòng\n"),
            Err(2)
        );
    }

    #[test]
    fn a_unit_is_found_without_diacritics_and_recorded_with_its_code() {
        let list = UnitList::parse(SAMPLE).unwrap();
        let found = list.search("muong chanh", 10);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].unit(),
            Unit {
                name: "UBND xã Mường Chanh".into(),
                level: Level::Commune,
                code: "04117".into()
            }
        );
        assert_eq!(found[0].label(), "Xã Mường Chanh, Tỉnh Sơn La");
        // the province's name narrows the communes
        let moc = list.search("moc son la", 10);
        assert_eq!(
            moc.iter().map(|f| f.label()).collect::<Vec<_>>(),
            [
                "Phường Mộc Châu, Tỉnh Sơn La",
                "Phường Mộc Sơn, Tỉnh Sơn La"
            ]
        );
        assert_eq!(
            list.search("son la", 10)[0].unit(),
            Unit {
                name: "UBND tỉnh Sơn La".into(),
                level: Level::Province,
                code: "14".into()
            }
        );
        assert_eq!(
            list.search("00070", 10)[0].label(),
            "Phường Hoàn Kiếm, Thành phố Hà Nội"
        );
        assert!(list.search("", 10).is_empty());
        assert_eq!(list.search("phuong", 2).len(), 2);
    }

    #[test]
    fn a_province_takes_its_communes_as_sub_units() {
        let list = UnitList::parse(SAMPLE).unwrap();
        let subs = list.province("14").unwrap().sub_units();
        assert_eq!(subs.len(), 3);
        assert_eq!(
            subs[2],
            Unit {
                name: "UBND phường Mộc Sơn".into(),
                level: Level::Commune,
                code: "03979".into()
            }
        );
    }

    #[test]
    fn the_official_list_holds_34_provinces_and_3321_communes() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/units.tsv"))
                .unwrap();
        let list = UnitList::parse(&text).unwrap();
        assert_eq!(list.provinces.len(), 34);
        assert_eq!(
            list.provinces
                .iter()
                .map(|p| p.communes.len())
                .sum::<usize>(),
            3321
        );
        assert_eq!(list.province("01").unwrap().communes.len(), 126, "Hà Nội");
        let codes: std::collections::BTreeSet<&str> = list
            .provinces
            .iter()
            .flat_map(|p| {
                std::iter::once(p.code.as_str()).chain(p.communes.iter().map(|c| c.code.as_str()))
            })
            .collect();
        assert_eq!(codes.len(), 34 + 3321, "every code is unique");
        // Mộc Châu district became a ward of Sơn La on 1 July 2025
        assert_eq!(
            list.search("moc chau", 5)[0].unit(),
            Unit {
                name: "UBND phường Mộc Châu".into(),
                level: Level::Commune,
                code: "03980".into()
            }
        );
    }
}
