//! The message table: one line a message, Vietnamese first.

macro_rules! messages {
    ($($key:ident => ($vi:expr, $en:expr),)*) => {
        /// A message shown to the planner.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum M { $($key,)* }

        impl M {
            pub const ALL: &'static [M] = &[$(M::$key,)*];

            /// (Vietnamese, English)
            pub fn texts(self) -> (&'static str, &'static str) {
                match self { $(M::$key => ($vi, $en),)* }
            }
        }
    };
}

messages! {
    AppName => ("chitieu", "chitieu"),
    Subtitle => (
        "Lập và theo dõi chỉ tiêu ứng dụng công nghệ thông tin, chuyển đổi số",
        "Plan and track targets for IT application and digital transformation"
    ),
    LanguageLabel => ("Ngôn ngữ", "Language"),
    LangVi => ("Tiếng Việt", "Tiếng Việt"),
    LangEn => ("English", "English"),
    EmptyTitle => ("Bắt đầu một kế hoạch", "Start a plan"),
    EmptyLead => (
        "chitieu giúp cán bộ lập kế hoạch ứng dụng CNTT, chuyển đổi số: chọn chỉ tiêu, ghi hiện trạng, đặt mục tiêu theo năm hoặc mốc, xem khoảng cách và tốc độ cần đạt, so sánh với cấp trên và xuất phụ lục.",
        "chitieu helps officials draft plans for IT application and digital transformation: pick indicators, write current figures, set targets per year or milestone, see the gap and the rate needed, compare with the level above and export the annex."
    ),
    EmptyPrivacy => (
        "Mọi dữ liệu nằm trong trình duyệt này: không máy chủ, không tài khoản, không gửi đi đâu.",
        "Everything stays in this browser: no server, no account, nothing is sent anywhere."
    ),
    StartBlank => ("Tạo kế hoạch trống", "Create a blank plan"),
    StartSample => ("Mở kế hoạch mẫu (Mộc Châu 2021)", "Open the sample plan (Mộc Châu 2021)"),
    StartImport => ("Mở tệp kế hoạch…", "Open a plan file…"),
    ComingSoon => ("Sắp có", "Coming soon"),
    FooterVersion => ("Phiên bản", "Version"),
    FooterLocal => ("Chạy hoàn toàn trong trình duyệt", "Runs entirely in your browser"),
    // levels of a unit
    LevelProvince => ("Tỉnh", "Province"),
    LevelDistrict => ("Huyện", "District"),
    LevelCommune => ("Xã", "Commune"),
    LevelAgency => ("Cơ quan", "Agency"),
    LevelOther => ("Khác", "Other"),
    // statuses
    StatusMet => ("Đạt", "Met"),
    StatusOnTrack => ("Đúng tiến độ", "On track"),
    StatusBehind => ("Chậm", "Behind"),
    StatusNoData => ("Chưa có số liệu", "No data"),
    // number input errors
    NumEmpty => ("Chưa nhập số", "No number entered"),
    NumNotANumber => ("Không phải là số", "Not a number"),
    NumTooLarge => ("Số quá lớn", "Number too large"),
    NumNegative => ("Không được là số âm", "Cannot be negative"),
    ReadAs => ("Đã hiểu là", "Read as"),
}

#[cfg(test)]
mod tests {
    use super::M;

    #[test]
    fn every_message_has_both_languages() {
        for m in M::ALL {
            let (vi, en) = m.texts();
            assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{m:?} lacks a text");
        }
    }
}
