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

    // my plans
    MyPlans => ("Kế hoạch của tôi", "My plans"),
    MyPlansEmpty => ("Chưa có kế hoạch nào được lưu trong trình duyệt này.", "No plan is stored in this browser yet."),
    Open => ("Mở", "Open"),
    Rename => ("Đổi tên", "Rename"),
    Duplicate => ("Nhân bản", "Duplicate"),
    Delete => ("Xoá", "Delete"),
    ConfirmDelete => ("Xoá hẳn kế hoạch này?", "Delete this plan for good?"),
    Cancel => ("Huỷ", "Cancel"),
    Save => ("Lưu", "Save"),
    CopySuffix => ("(bản sao)", "(copy)"),
    UpdatedAt => ("Cập nhật", "Updated"),
    NewPlanTitle => ("Kế hoạch mới", "New plan"),
    NewUnitName => ("Đơn vị", "Unit"),
    // plan view
    BackToPlans => ("Danh sách kế hoạch", "All plans"),
    PeriodLabel => ("Kỳ", "Period"),
    Undo => ("Hoàn tác", "Undo"),
    Redo => ("Làm lại", "Redo"),
    AddIndicator => ("Thêm chỉ tiêu", "Add indicator"),
    ExportJson => ("Xuất tệp JSON", "Export JSON file"),
    SavedLocally => ("Đã lưu trong trình duyệt", "Saved in this browser"),
    SaveFailing => (
        "Không lưu được vào bộ nhớ trình duyệt (đầy hoặc bị tắt). Kế hoạch chỉ còn trên màn hình: hãy xuất tệp để giữ lại.",
        "The browser's storage refused the plan (full or switched off). The plan exists only on screen: export it to keep it."
    ),
    KeptAside => (
        "Một số dữ liệu đã lưu không đọc được. Dữ liệu đó được giữ riêng, không bị xoá; ứng dụng vẫn chạy bình thường.",
        "Some stored data could not be read. It has been kept aside, not deleted; the app works as usual."
    ),
    Dismiss => ("Đã hiểu", "Dismiss"),
    DeletedIndicator => ("Đã xoá chỉ tiêu", "Indicator deleted"),
    PlanInfo => ("Thông tin kế hoạch", "Plan details"),
    FieldTitle => ("Tên kế hoạch", "Title"),
    FieldUnit => ("Đơn vị", "Unit"),
    FieldLevel => ("Cấp", "Level"),
    FieldParent => ("Đơn vị cấp trên", "Parent unit"),
    FieldDocNumber => ("Số văn bản", "Document number"),
    FieldIssueDate => ("Ngày ban hành", "Issue date"),
    FieldStartYear => ("Từ năm", "From year"),
    FieldEndYear => ("Đến năm", "To year"),
    FieldAuthor => ("Người lập", "Author"),
    FieldNotes => ("Ghi chú", "Notes"),
    DateHint => ("dd/mm/yyyy", "dd/mm/yyyy"),
    BadDate => ("Ngày không hợp lệ (dd/mm/yyyy)", "Not a valid date (dd/mm/yyyy)"),
    BadYear => ("Năm không hợp lệ", "Not a valid year"),
    // table
    ColNo => ("STT", "No."),
    ColCode => ("Mã", "Code"),
    ColIndicator => ("Chỉ tiêu", "Indicator"),
    ColBaseline => ("Hiện trạng", "Current"),
    ColTarget => ("Mục tiêu", "Target"),
    ColActual => ("Thực hiện", "Actual"),
    ColGap => ("Khoảng cách", "Gap"),
    ColAchievement => ("Mức đạt", "Achievement"),
    ColStatus => ("Trạng thái", "Status"),
    NoGroup => ("Chưa phân nhóm", "Ungrouped"),
    Unnamed => ("(chưa đặt tên)", "(no name yet)"),
    Indicators => ("chỉ tiêu", "indicators"),
    NoIndicators => ("Kế hoạch chưa có chỉ tiêu. Thêm chỉ tiêu đầu tiên bằng nút «Thêm chỉ tiêu».", "The plan has no indicators yet. Add the first with «Add indicator»."),
    GapMet => ("Đã đạt", "Met"),
    More => ("thêm", "more"),
    Fewer => ("bớt", "fewer"),
    Unreachable => ("không thể đạt với mẫu số hiện có", "out of reach with the current denominator"),
    Details => ("Chi tiết", "Details"),
    MoveUp => ("Lên", "Up"),
    MoveDown => ("Xuống", "Down"),
    FigureHint => ("Số hoặc tử/mẫu, ví dụ 98,3 hoặc 15/15", "A number or numerator/denominator, e.g. 98.3 or 15/15"),
    FlagAbove100 => ("Trên 100%", "Above 100%"),
    FlagNumeratorAbove => ("Tử số lớn hơn mẫu số", "Numerator above denominator"),
    FlagUnitsAbove => ("Nhiều hơn số đơn vị của kế hoạch", "More than the plan's units"),
    // summary
    Summary => ("Tổng quan", "Summary"),
    Score => ("Điểm tổng hợp", "Composite score"),
    Warnings => ("Cảnh báo", "Warnings"),
    NoWarnings => ("Không có cảnh báo", "No warnings"),
    WarnWeakerThanBaseline => ("Mục tiêu thấp hơn hiện trạng", "Target weaker than the current figure"),
    WarnAbove100 => ("Tỷ lệ trên 100%", "Share above 100%"),
    WarnNumeratorAbove => ("Tử số lớn hơn mẫu số", "Numerator above denominator"),
    WarnNegative => ("Số âm", "Negative figure"),
    WarnUnitsAbove => ("Vượt số đơn vị của kế hoạch", "More units than the plan has"),
    WarnWeakerThanParent => ("Mục tiêu thấp hơn cấp trên", "Target weaker than the level above"),
    WarnOutsidePeriod => ("Mốc ngoài thời kỳ kế hoạch", "Deadline outside the plan's period"),
    WarnMissingBaseline => ("Thiếu hiện trạng", "No current figure"),
    // detail panel
    Close => ("Đóng", "Close"),
    FieldCode => ("Mã", "Code"),
    FieldGroup => ("Nhóm", "Group"),
    FieldNameVi => ("Tên (tiếng Việt)", "Name (Vietnamese)"),
    FieldNameEn => ("Tên (tiếng Anh)", "Name (English)"),
    FieldKind => ("Loại chỉ tiêu", "Kind"),
    FieldDirection => ("Chiều tốt", "Better when"),
    FieldComparator => ("So sánh", "Comparator"),
    FieldUnitLabel => ("Đơn vị tính", "Unit"),
    FieldAppliesTo => ("Áp dụng cho cấp", "Applies to level"),
    FieldBaseline => ("Hiện trạng", "Current figure"),
    FieldBaselineDate => ("Thời điểm", "As of"),
    FieldBaselineSource => ("Nguồn số liệu", "Source"),
    FieldWeight => ("Trọng số", "Weight"),
    FieldResponsible => ("Cơ quan chủ trì", "Responsible agency"),
    FieldLegalBasis => ("Căn cứ", "Legal basis"),
    TargetsAndActuals => ("Mục tiêu và thực hiện theo kỳ", "Targets and actuals per period"),
    Upper => ("Cận trên", "Upper bound"),
    AddPeriod => ("Thêm kỳ", "Add period"),
    PeriodHint => ("2026, 2026-H1, 2026-Q2 hoặc 30/06/2026", "2026, 2026-H1, 2026-Q2 or 30/06/2026"),
    BadPeriod => ("Kỳ không hợp lệ", "Not a valid period"),
    Trajectory => ("Lộ trình", "Trajectory"),
    RequiredRate => ("Tốc độ cần đạt", "Rate needed"),
    PerYear => ("mỗi năm", "per year"),
    PerQuarter => ("mỗi quý", "per quarter"),
    DeadlinePassed => ("Đã quá hạn", "Deadline passed"),
    ChartBaseline => ("Hiện trạng", "Baseline"),
    ChartMilestones => ("Lộ trình", "Milestones"),
    ChartActuals => ("Thực hiện", "Actuals"),
    ChartTarget => ("Mục tiêu", "Target"),
    NoChart => ("Cần hiện trạng và mục tiêu để vẽ lộ trình.", "A current figure and a target are needed to draw the trajectory."),
    KindPercent => ("Tỷ lệ %", "Percent"),
    KindCount => ("Số lượng", "Count"),
    KindFraction => ("Số đơn vị / tổng số", "Units of a set"),
    KindRatio => ("Tỷ lệ giữa hai số đếm", "Ratio of two counts"),
    KindReduction => ("Mức giảm so với gốc", "Reduction from a baseline"),
    DirHigher => ("Cao hơn là tốt", "Higher is better"),
    DirLower => ("Thấp hơn là tốt", "Lower is better"),
    CmpAtLeast => ("Tối thiểu (≥)", "At least (≥)"),
    CmpMoreThan => ("Trên (>)", "More than (>)"),
    CmpAtMost => ("Tối đa (≤)", "At most (≤)"),
    CmpLessThan => ("Dưới (<)", "Less than (<)"),
    CmpExactly => ("Bằng (=)", "Exactly (=)"),
    CmpBetween => ("Trong khoảng", "Between"),
    AnyLevel => ("Mọi cấp", "Any level"),
    NumeratorLabel => ("Tử số", "Numerator"),
    DenominatorLabel => ("Mẫu số", "Denominator"),
    Year => ("Năm", "Year"),

    // import
    OpenFile => ("Mở tệp…", "Open file…"),
    DropHint => ("hoặc thả tệp .json vào bất kỳ đâu trên trang", "or drop .json files anywhere on the page"),
    DropHere => ("Thả tệp kế hoạch để mở", "Drop plan files to open them"),
    ImportFailed => ("Không mở được tệp. Kế hoạch đang mở và dữ liệu đã lưu không thay đổi.", "A file could not be opened. The plan on screen and the stored data are unchanged."),
    ErrTooLarge => ("Tệp «{}» quá lớn ({} MB); giới hạn là {} MB.", "File «{}» is too large ({} MB); the limit is {} MB."),
    ErrSyntax => ("Tệp «{}» không phải JSON hợp lệ: lỗi cú pháp ở dòng {}, cột {}.", "File «{}» is not valid JSON: syntax error at line {}, column {}."),
    ErrTooDeep => ("Tệp «{}» lồng quá sâu, không thể là một kế hoạch.", "File «{}» is nested too deeply to be a plan."),
    ErrNotAPlan => ("Tệp «{}» không phải tệp kế hoạch chitieu (cần \"format\": \"chitieu-plan\" và \"version\").", "File «{}» is not a chitieu plan file (expected \"format\": \"chitieu-plan\" and a \"version\")."),
    ErrTooNew => ("Tệp «{}» được tạo bởi phiên bản chitieu mới hơn (định dạng {}; phiên bản này đọc đến {}). Hãy cập nhật chitieu.", "File «{}» was written by a newer chitieu (format {}; this version reads up to {}). Please update chitieu."),
    ErrInvalid => ("Tệp «{}», tại {}: {}.", "File «{}», at {}: {}."),
    ProbMissing => ("thiếu trường «{}»", "the field «{}» is missing"),
    ProbUnknown => ("trường «{}» không có trong định dạng", "the field «{}» is not part of the format"),
    ProbWrongType => ("giá trị {} không hợp lệ, cần {}", "{} is not valid here, expected {}"),
    ProbNotAFigure => ("cần một số hoặc một cặp {\"numerator\", \"denominator\"}", "expected a number or a {\"numerator\", \"denominator\"} pair"),
    ProbDuplicateId => ("mã định danh «{}» bị trùng", "the id «{}» is used twice"),
    ProbPeriodReversed => ("năm kết thúc trước năm bắt đầu", "the end year is before the start year"),
    ProbDuplicatePeriod => ("kỳ {} có hai số liệu", "the period {} has two figures"),
    ProbOther => ("{}", "{}"),
    ConflictTitle => ("Kế hoạch «{}» đã có trong trình duyệt này.", "The plan «{}» is already in this browser."),
    ConflictQuestion => ("Thay thế bản đang có, giữ cả hai, hay huỷ?", "Replace the stored one, keep both, or cancel?"),
    Replace => ("Thay thế", "Replace"),
    KeepBoth => ("Giữ cả hai", "Keep both"),
    ImportedSuffix => ("(bản nhập)", "(imported)"),
    ExportCsv => ("Xuất CSV", "Export CSV"),
    PrintAnnex => ("In phụ lục", "Print annex"),
    // catalog, templates, parent
    Templates => ("Bắt đầu từ mẫu", "Start from a template"),
    TplCommuneYear => ("Kế hoạch năm của xã, phường", "A commune's yearly plan"),
    TplProvinceYear => ("Kế hoạch năm của tỉnh", "A province's yearly plan"),
    TplProvinceFive => ("Kế hoạch tỉnh giai đoạn 2026–2030", "A province's plan for 2026–2030"),
    TplDistrictYear => ("Kế hoạch năm của huyện (trước 2025)", "A district's yearly plan (before 2025)"),
    TplTitle => ("Kế hoạch ứng dụng công nghệ thông tin, chuyển đổi số năm {}", "Plan for IT application and digital transformation, {}"),
    TplTitleSpan => ("Kế hoạch chuyển đổi số giai đoạn {}–{}", "Digital transformation plan {}–{}"),
    FromCatalog => ("Thêm từ danh mục", "Add from the catalog"),
    CatalogTitle => ("Danh mục chỉ tiêu", "Indicator catalog"),
    CatalogSearch => ("Tìm theo tên, mã hoặc nhóm (gõ không dấu cũng được)", "Search by name, code or group (diacritics optional)"),
    CatalogNone => ("Không có chỉ tiêu nào khớp.", "No indicator matches."),
    Add => ("Thêm", "Add"),
    InPlan => ("Đã có trong kế hoạch", "In the plan"),
    NationalRef => ("Tham chiếu quốc gia", "National reference"),
    Unconfirmed => ("chưa xác nhận: các nguồn ghi khác nhau", "unconfirmed: sources disagree"),
    ParentLabel => ("So với cấp trên", "Compare with"),
    ParentNone => ("Không so sánh", "Nothing"),
    ParentNational => ("Bộ chỉ tiêu quốc gia", "National references"),
    ParentFile => ("Kế hoạch cấp trên từ tệp…", "A parent plan from a file…"),
    ParentTarget => ("Cấp trên", "Level above"),
    OldTerm => ("Thuật ngữ cũ", "Old term"),
    UseNewTerm => ("Chuyển sang {}", "Switch to {}"),
    WasTerm => ("Trước đây ghi là {} ({})", "Formerly recorded as {} ({})"),
    RollUpFiles => ("Tổng hợp từ các tệp…", "Roll up plan files…"),
    RollUpHint => ("Cộng tử số, mẫu số và số lượng của nhiều đơn vị thành một kế hoạch tổng hợp.", "Sums the numerators, denominators and counts of several units into one plan."),
    RollUpTitle => ("Tổng hợp {} kế hoạch", "Roll-up of {} plans"),
    RollUpReport => ("Tổng hợp {} kế hoạch. Những số liệu sau không được cộng:", "{} plans rolled up. These figures were not combined:"),
    RollUpConflict => ("{}: định nghĩa khác trong kế hoạch «{}» ({}), không cộng", "{}: defined differently in plan «{}» ({}), left out"),
    RollUpNoCounts => ("{} ({}): có đơn vị chỉ ghi tỷ lệ, không có tử số và mẫu số", "{} ({}): some units give only a percent, without numerator and denominator"),
    RollUpMissing => ("{} ({}): chỉ một số đơn vị có số liệu", "{} ({}): only some units have the figure"),
    BaselineWord => ("hiện trạng", "current figure"),
    AnnexBack => ("Quay lại bảng chỉ tiêu", "Back to the table"),
    AnnexPrint => ("In / lưu PDF", "Print / save as PDF"),
    Motto1 => ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"),
    Motto2 => ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    DocNumber => ("Số: {}", "No.: {}"),
    PlaceDate => ("{}, ngày {} tháng {} năm {}", "{}, {}/{}/{}"),
    Appendix => ("PHỤ LỤC", "APPENDIX"),
    AnnexTitle => ("CÁC CHỈ TIÊU CỦA KẾ HOẠCH", "THE PLAN'S INDICATORS"),
    AnnexOf => ("(Kèm theo Kế hoạch số {} ngày {} của {})", "(Attached to plan no. {} of {} by {})"),
    AnnexOfNoNumber => ("(Kèm theo {} của {})", "(Attached to {} by {})"),
    ColUnit => ("Đơn vị tính", "Unit"),
    ColResponsible => ("Cơ quan chủ trì", "Responsible agency"),
    ColNotes => ("Ghi chú", "Notes"),
    TargetYear => ("Mục tiêu {}", "Target {}"),

    // storage, tabs, history, backup
    Loading => ("Đang đọc dữ liệu đã lưu trong trình duyệt…", "Reading what this browser has stored…"),
    Saving => ("Đang lưu…", "Saving…"),
    SaveClash => ("Chưa lưu: hãy chọn bản giữ lại", "Not saved: choose which version to keep"),
    RetrySave => ("Thử lưu lại", "Try saving again"),
    UnsavedPlan => (
        "Kế hoạch «{}» chưa lưu được vào trình duyệt. Hãy xuất tệp để giữ lại, hoặc xoá bớt kế hoạch cũ rồi thử lưu lại.",
        "The plan «{}» could not be stored in this browser. Export it to keep it, or delete old plans and try saving again."
    ),
    StorageFull => ("Bộ nhớ của trình duyệt đã đầy.", "The browser's storage is full."),
    RefusedOpen => ("Không đọc được dữ liệu đã lưu trong trình duyệt.", "What this browser stored could not be read."),
    RefusedRename => ("Không đổi được tên: trình duyệt từ chối ghi. Kế hoạch vẫn như cũ.", "The plan was not renamed: the browser refused to write. The plan is unchanged."),
    RefusedDuplicate => ("Không nhân bản được: trình duyệt từ chối ghi. Không có gì thay đổi.", "The plan was not duplicated: the browser refused to write. Nothing changed."),
    RefusedDelete => ("Không xoá được: trình duyệt từ chối ghi. Kế hoạch vẫn còn.", "The plan was not deleted: the browser refused to write. It is still there."),
    RefusedImport => (
        "Không lưu được kế hoạch vừa mở vào trình duyệt; kế hoạch đã lưu trước đó không thay đổi. Hãy xuất tệp để giữ lại.",
        "The plans just opened could not be stored in this browser; what was stored before is unchanged. Export them to keep them."
    ),
    RefusedBackup => ("Không tạo được bản sao lưu từ bộ nhớ trình duyệt.", "The backup could not be made from the browser's storage."),
    RefusedHistory => ("Không đọc được lịch sử phiên bản.", "The version history could not be read."),
    RefusedRestore => ("Không khôi phục được phiên bản này; kế hoạch không thay đổi.", "This version could not be restored; the plan is unchanged."),
    RefusedSetAside => (
        "Không giữ được thay đổi của thẻ này vào lịch sử, nên bản của thẻ kia chưa thay thế nó.",
        "This tab's changes could not be kept in the history, so the other tab's version has not replaced them."
    ),
    Moved => ("Đã chuyển {} kế hoạch sang kho lưu trữ mới của trình duyệt.", "{} plans were moved to the browser's new storage."),
    PlanMissing => ("Kế hoạch này không còn trong trình duyệt (có thể đã bị xoá ở thẻ khác).", "This plan is no longer in this browser (perhaps deleted in another tab)."),
    StorageClosed => ("Một thẻ khác vừa cập nhật chitieu. Hãy tải lại trang này để tiếp tục lưu.", "Another tab has updated chitieu. Reload this page to keep saving."),
    ReloadPage => ("Tải lại trang", "Reload the page"),
    OpenElsewhere => (
        "Kế hoạch này cũng đang mở ở một thẻ khác. Nếu sửa ở cả hai nơi, chitieu sẽ hỏi giữ bản nào.",
        "This plan is open in another tab too. If both are edited, chitieu will ask which version to keep."
    ),
    TookNewer => ("Đã cập nhật theo bản vừa lưu ở thẻ khác.", "Updated to the version just saved in another tab."),
    ClashTitle => ("Kế hoạch này vừa được lưu ở một thẻ khác", "This plan was just saved in another tab"),
    ClashQuestion => (
        "Thẻ này có thay đổi chưa lưu. Không bản nào bị mất: bản bạn chọn là kế hoạch, bản còn lại được giữ riêng.",
        "This tab has changes that are not saved. Nothing is lost: the version you choose is the plan, the other is kept."
    ),
    KeepMine => ("Giữ bản của thẻ này (bản kia lưu thành bản sao)", "Keep this tab's version (the other is saved as a copy)"),
    TakeTheirs => ("Lấy bản của thẻ kia (bản này vào lịch sử phiên bản)", "Take the other tab's version (this one goes to the history)"),
    OtherTabSuffix => ("(bản từ thẻ khác)", "(from another tab)"),
    DeletedTitle => ("Kế hoạch này vừa bị xoá ở một thẻ khác", "This plan was just deleted in another tab"),
    DeletedQuestion => ("Lưu lại kế hoạch này từ thẻ này, hay đóng nó?", "Store this plan again from this tab, or close it?"),
    StoreAgain => ("Lưu lại", "Store it again"),
    LetGo => ("Đóng, không lưu", "Close without saving"),
    SetAsideNotice => (
        "Thay đổi chưa lưu của «{}» đã được giữ trong lịch sử phiên bản, vì thẻ khác vừa lưu bản mới hơn.",
        "The unsaved changes of «{}» were kept in its version history, as another tab had just saved a newer version."
    ),
    History => ("Lịch sử phiên bản", "Version history"),
    HistoryEmpty => (
        "Chưa có phiên bản cũ. chitieu giữ một phiên bản khi kế hoạch được mở lại sau hơn một giờ, mỗi giờ khi đang sửa, trước khi nhập tệp đè lên và trước khi khôi phục.",
        "No earlier version yet. chitieu keeps one when a plan is opened an hour or more after its last save, every hour of editing, before an imported file replaces it and before a restore."
    ),
    HistoryLimit => ("Giữ tối đa {} phiên bản và {} MB cho mỗi kế hoạch; bản cũ nhất bỏ trước.", "At most {} versions and {} MB are kept per plan; the oldest go first."),
    WhyOpened => ("Khi mở lại sau hơn một giờ", "When opened after an hour or more"),
    WhyHourly => ("Sau một giờ chỉnh sửa", "After an hour of editing"),
    WhyBeforeImport => ("Trước khi nhập tệp đè lên", "Before an imported file replaced it"),
    WhyBeforeRestore => ("Trước khi khôi phục bản cũ", "Before an earlier version was restored"),
    WhyOtherTab => ("Thay đổi của thẻ này, trước khi lấy bản của thẻ khác", "This tab's changes, before another tab's version was taken"),
    ChangesOldest => ("Bản cũ nhất còn giữ: {} chỉ tiêu", "Oldest kept: {} indicators"),
    ChangesNone => ("Không khác bản trước", "The same as the version before"),
    ChangesSince => ("So với bản trước: {}", "Since the version before: {}"),
    ChangesAdded => ("thêm {} chỉ tiêu", "{} indicators added"),
    ChangesRemoved => ("bỏ {} chỉ tiêu", "{} indicators removed"),
    ChangesFigures => ("đổi {} số liệu", "{} figures changed"),
    ChangesDetails => ("sửa {} chỉ tiêu", "{} indicators edited"),
    ChangesHeader => ("sửa thông tin kế hoạch", "plan details edited"),
    ViewVersion => ("Xem", "View"),
    RestoreVersion => ("Khôi phục", "Restore"),
    ViewingTitle => ("Phiên bản lúc {} (chỉ xem)", "The version of {} (read-only)"),
    BackToPlan => ("Quay lại kế hoạch", "Back to the plan"),
    RestoreThis => ("Khôi phục phiên bản này", "Restore this version"),
    VersionRestored => ("Đã khôi phục phiên bản cũ. Bản nó thay thế được giữ trong lịch sử.", "The earlier version is restored. What it replaced is kept in the history."),
    Backup => ("Sao lưu tất cả kế hoạch", "Back up every plan"),
    RestoreBackup => ("Khôi phục từ bản sao lưu…", "Restore from a backup…"),
    BackupHint => (
        "Một tệp chứa mọi kế hoạch trong trình duyệt này: để chuyển sang máy khác hoặc cất giữ phòng khi trình duyệt bị xoá dữ liệu.",
        "One file holding every plan in this browser: to move to another computer, or to keep in case the browser's data is cleared."
    ),
    RestoredPlans => ("Đã khôi phục {} kế hoạch từ bản sao lưu.", "{} plans restored from the backup."),
    BackupItem => ("{} (kế hoạch thứ {})", "{} (plan {})"),
    ErrBundleTooLarge => ("Tệp «{}» quá lớn ({} MB); giới hạn của bản sao lưu là {} MB.", "File «{}» is too large ({} MB); a backup may be up to {} MB."),
    ConflictAll => ("Làm như vậy cho cả {} kế hoạch đang chờ", "Do the same for all {} waiting plans"),
    StorageUsage => ("Bộ nhớ trình duyệt: đã dùng {}, còn trống khoảng {}.", "Browser storage: {} used, about {} free."),
    Persisted => ("Trình duyệt giữ dữ liệu này kể cả khi thiếu chỗ.", "The browser keeps this data even when it runs short of room."),
    NotPersisted => ("Trình duyệt có thể xoá dữ liệu này khi thiếu chỗ: hãy sao lưu thường xuyên.", "The browser may clear this data when it runs short of room: back up regularly."),
    PlansCount => ("{} kế hoạch", "{} plans"),
    FindPlan => ("Tìm kế hoạch (gõ không dấu cũng được)", "Find a plan (diacritics optional)"),
    NoPlanFound => ("Không có kế hoạch nào khớp.", "No plan matches."),
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
