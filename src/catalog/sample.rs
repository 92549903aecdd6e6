//! The sample plan: the targets of Mộc Châu district (Sơn La) for 2021, from
//! Kế hoạch 3498/UBND-VHTT of 31/12/2020. The targets are the plan's own; the
//! current figures are illustrative (the plan does not publish them) and say so.

use crate::plan::{
    Acknowledgement, Baseline, Comparator, Date, Direction, Figure, Indicator, Kind, Level, Period,
    Plan, Text, Unit, YearSpan,
};
use std::rc::Rc;

const ILLUSTRATIVE: &str = "Số liệu minh hoạ (kế hoạch gốc không công bố hiện trạng)";

struct Row {
    code: &'static str,
    group: &'static str,
    vi: &'static str,
    en: &'static str,
    kind: Kind,
    comparator: Comparator,
    unit: &'static str,
    baseline: Figure,
    target: Figure,
    responsible: &'static str,
}

fn value(v: f64) -> Figure {
    Figure::Value(v)
}

fn counts(n: f64, d: f64) -> Figure {
    Figure::Counts {
        numerator: n,
        denominator: d,
    }
}

const DOCS: &str = "Văn bản điện tử và điều hành";
const MAIL: &str = "Thư điện tử và chữ ký số";
const SERVICES: &str = "Dịch vụ công trực tuyến và một cửa";
const SECURITY: &str = "An toàn thông tin";
const OFFICE: &str = "Phòng Văn hoá và Thông tin";

fn rows() -> Vec<Row> {
    use Comparator::*;
    let pct = Kind::Percent;
    vec![
        Row { code: "VB-01", group: DOCS, vi: "Văn bản chỉ đạo, điều hành xử lý trên hệ thống quản lý văn bản và điều hành", en: "Directive and operational documents handled in the document-management system", kind: pct.clone(), comparator: MoreThan, unit: "%", baseline: counts(1810.0, 1905.0), target: value(97.0), responsible: "Văn phòng HĐND và UBND huyện" },
        Row { code: "VB-02", group: DOCS, vi: "Văn bản điện tử đi có ký số, trao đổi với cơ quan nhà nước trong và ngoài huyện", en: "Outgoing e-documents with a digital signature, exchanged with state bodies inside and outside the district", kind: pct.clone(), comparator: AtLeast, unit: "%", baseline: value(62.0), target: value(80.0), responsible: "Các cơ quan, đơn vị" },
        Row { code: "BC-01", group: DOCS, vi: "Báo cáo định kỳ (không mật) gửi, nhận qua Hệ thống thông tin báo cáo của tỉnh", en: "Periodic reports (not secret) sent and received through the province's reporting system", kind: pct.clone(), comparator: AtLeast, unit: "%", baseline: value(5.0), target: value(20.0), responsible: "Văn phòng HĐND và UBND huyện" },
        Row { code: "HOP-01", group: DOCS, vi: "Rút ngắn thời gian họp nhờ hệ thống phòng họp không giấy (eCabinet)", en: "Meeting time shortened through the paperless meeting system (eCabinet)", kind: Kind::Reduction { amount: "giờ họp".into() }, comparator: AtLeast, unit: "%", baseline: value(0.0), target: value(30.0), responsible: "Văn phòng HĐND và UBND huyện" },
        Row { code: "TD-01", group: MAIL, vi: "Cán bộ, công chức cơ quan, đơn vị và UBND các xã, thị trấn sử dụng thư điện tử công vụ thường xuyên", en: "Officials of agencies, units and commune committees using official email regularly", kind: pct.clone(), comparator: AtLeast, unit: "%", baseline: value(92.0), target: value(100.0), responsible: "Các cơ quan, đơn vị; UBND các xã, thị trấn" },
        Row { code: "CKS-01", group: MAIL, vi: "Lãnh đạo huyện, trưởng, phó các cơ quan cấp huyện được cấp và sử dụng chữ ký số", en: "District leaders, heads and deputies of district offices issued and using digital signatures", kind: pct.clone(), comparator: AtLeast, unit: "%", baseline: counts(41.0, 46.0), target: value(100.0), responsible: "Phòng Văn hoá và Thông tin" },
        Row { code: "CKS-02", group: MAIL, vi: "Chủ tịch, phó chủ tịch UBND các xã, thị trấn được cấp và sử dụng chữ ký số", en: "Chairs and vice-chairs of commune committees issued and using digital signatures", kind: pct.clone(), comparator: AtLeast, unit: "%", baseline: counts(30.0, 45.0), target: value(100.0), responsible: "UBND các xã, thị trấn" },
        Row { code: "DVC-03", group: SERVICES, vi: "Dịch vụ công trực tuyến mức độ 3 tiếp tục cung cấp", en: "Online public services at level 3 kept in service", kind: Kind::Count, comparator: AtLeast, unit: "dịch vụ", baseline: value(103.0), target: value(103.0), responsible: "Văn phòng HĐND và UBND huyện" },
        Row { code: "DVC-04", group: SERVICES, vi: "Dịch vụ công trực tuyến mức độ 4 tiếp tục cung cấp", en: "Online public services at level 4 kept in service", kind: Kind::Count, comparator: AtLeast, unit: "dịch vụ", baseline: value(2.0), target: value(2.0), responsible: "Văn phòng HĐND và UBND huyện" },
        Row { code: "DVC-06", group: SERVICES, vi: "Thủ tục hành chính mức độ 3 có phát sinh hồ sơ trực tuyến", en: "Level-3 procedures that actually receive online dossiers", kind: pct.clone(), comparator: AtLeast, unit: "%", baseline: counts(18.0, 103.0), target: value(30.0), responsible: "Các cơ quan chuyên môn" },
        Row { code: "MC-01", group: SERVICES, vi: "Xã, thị trấn triển khai phần mềm một cửa điện tử", en: "Communes and towns running one-stop software", kind: Kind::FractionOfUnits, comparator: AtLeast, unit: "xã", baseline: counts(12.0, 15.0), target: counts(15.0, 15.0), responsible: "Phòng Văn hoá và Thông tin" },
        Row { code: "HS-03", group: SERVICES, vi: "Hồ sơ tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích", en: "Dossiers received and returned through the public postal service", kind: pct.clone(), comparator: MoreThan, unit: "%", baseline: counts(96.0, 1567.0), target: value(10.0), responsible: "Bưu điện huyện" },
        Row { code: "AT-01", group: SECURITY, vi: "Máy tính cấp huyện được cài phần mềm phòng, chống mã độc quản lý tập trung", en: "District-level computers with centrally managed anti-malware", kind: pct.clone(), comparator: AtLeast, unit: "%", baseline: counts(148.0, 160.0), target: value(100.0), responsible: "Phòng Văn hoá và Thông tin" },
        Row { code: "AT-02", group: SECURITY, vi: "Máy tính cấp xã được cài phần mềm diệt virus có bản quyền", en: "Commune-level computers with licensed antivirus", kind: pct, comparator: AtLeast, unit: "%", baseline: value(75.0), target: value(100.0), responsible: "UBND các xã, thị trấn" },
    ]
}

/// The sample plan, under the given id (each opening is a plan of its own).
pub fn sample_plan(id: &str) -> Plan {
    let mut plan = Plan::new(
        id,
        "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước huyện Mộc Châu năm 2021",
        Unit::new("UBND huyện Mộc Châu", Level::District),
        2021,
    );
    plan.parent_unit = Some(Unit::new("UBND tỉnh Sơn La", Level::Province));
    plan.document_number = "3498/UBND-VHTT".into();
    plan.issue_date = Date::new(2020, 12, 31);
    plan.period = YearSpan {
        start: 2021,
        end: 2021,
    };
    plan.author = OFFICE.into();
    plan.notes = "Mục tiêu theo Kế hoạch 3498/UBND-VHTT; số liệu hiện trạng là minh hoạ.".into();
    let as_of = Date::new(2020, 12, 31);
    plan.indicators = rows()
        .into_iter()
        .enumerate()
        .map(|(k, r)| {
            let mut i = Indicator::new(format!("{id}-{k}"), r.vi, r.kind);
            i.name = Text {
                vi: r.vi.into(),
                en: r.en.into(),
            };
            i.code = r.code.into();
            i.group = r.group.into();
            i.comparator = r.comparator;
            i.direction = Direction::Higher;
            i.unit_label = r.unit.into();
            i.baseline = Some(Baseline {
                figure: r.baseline,
                as_of,
                source: ILLUSTRATIVE.into(),
            });
            i.set_target(Period::Year(2021), Some(r.target));
            i.responsible = r.responsible.into();
            i.legal_basis = "Kế hoạch 3498/UBND-VHTT ngày 31/12/2020".into();
            // the plan keeps these services going ("tiếp tục cung cấp"): a target equal to today is meant
            if r.baseline == r.target {
                i.acknowledged.push(Acknowledgement {
                    warning: "target_not_above_baseline".into(),
                    period: Some(Period::Year(2021)),
                    reason: "Duy trì: tiếp tục cung cấp (Kế hoạch 3498/UBND-VHTT)".into(),
                });
            }
            Rc::new(i)
        })
        .collect();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc;

    #[test]
    fn the_sample_is_consistent() {
        let p = sample_plan("s");
        assert_eq!(p.indicators.len(), 14);
        let w = calc::warnings(&p, None);
        // the two services kept at their level are warned about and accepted with the plan's reason
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w.iter().all(|w| calc::acknowledged(&p, w).is_some()),
            "{w:?}"
        );
        let keys: std::collections::BTreeSet<&str> = p.indicators.iter().map(|i| i.key()).collect();
        assert_eq!(keys.len(), p.indicators.len());
    }

    #[test]
    fn the_sample_uses_the_catalog_codes_for_what_they_mean() {
        // a catalog code carries its references into the detail panel and the national comparison
        for i in &sample_plan("s").indicators {
            let e = crate::catalog::catalog()
                .entry(&i.code)
                .unwrap_or_else(|| panic!("{} is no catalog code", i.code));
            if i.kind.is_percent() {
                assert!(
                    e.kind().is_percent(),
                    "{}: a share in the sample, a count in the catalog",
                    i.code
                );
            }
            assert_eq!(e.group_for(2021), e.group, "{}", i.code);
        }
        let reports = sample_plan("s")
            .indicators
            .iter()
            .find(|i| i.name.vi.starts_with("Báo cáo định kỳ"))
            .map(|i| i.code.clone());
        assert_eq!(reports.as_deref(), Some("BC-01"));
    }
}
