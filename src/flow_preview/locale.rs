//! The preview's own strings (chrome, generated hints, dates) in en, pt_BR, es
//! and ar. The Portuguese branding line, "(opcional)" and "Leia mais" are
//! from a Portuguese copy of Meta's use-case guide (spec §1); the rest are
//! our translations (UNCONFIRMED wording).

/// Strings of one locale.
pub struct Locale {
    /// The locale's tag as the tree reports it.
    pub tag: &'static str,
    /// "Managed by the business."
    pub managed: &'static str,
    /// "Learn more"
    pub learn_more: &'static str,
    /// "(optional)"
    pub optional: &'static str,
    /// "Read more" (OptIn)
    pub read_more: &'static str,
    /// "Choose up to {n} options." (ChipsSelector)
    pub choose_up_to: &'static str,
    /// "Add {min} to {max} photos." / documents
    pub add_range: [&'static str; 2],
    /// "Add up to {max} photos." / documents
    pub add_up_to: [&'static str; 2],
    /// "Max file size {n} MB."
    pub max_size: &'static str,
    /// "Take photo", "Upload document"
    pub picker_button: [&'static str; 2],
    /// Month abbreviations, January first.
    pub months: [&'static str; 12],
    /// Day-month-year order (else "Oct 23 2024", spec §3 CalendarPicker, en).
    pub day_first: bool,
}

const EN: Locale = Locale {
    tag: "en",
    managed: "Managed by the business.",
    learn_more: "Learn more",
    optional: "(optional)",
    read_more: "Read more",
    choose_up_to: "Choose up to {n} options.",
    add_range: ["Add {min} to {max} photos.", "Add {min} to {max} documents."],
    add_up_to: ["Add up to {max} photos.", "Add up to {max} documents."],
    max_size: "Max file size {n} MB.",
    picker_button: ["Take photo", "Upload document"],
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    day_first: false,
};

const PT_BR: Locale = Locale {
    tag: "pt_BR",
    managed: "Gerenciada pela empresa.",
    learn_more: "Saiba mais",
    optional: "(opcional)",
    read_more: "Leia mais",
    choose_up_to: "Escolha até {n} opções.",
    add_range: ["Adicione de {min} a {max} fotos.", "Adicione de {min} a {max} documentos."],
    add_up_to: ["Adicione até {max} fotos.", "Adicione até {max} documentos."],
    max_size: "Tamanho máximo do arquivo: {n} MB.",
    picker_button: ["Tirar foto", "Enviar documento"],
    months: ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
    day_first: true,
};

const ES: Locale = Locale {
    tag: "es",
    managed: "Administrado por la empresa.",
    learn_more: "Más información",
    optional: "(opcional)",
    read_more: "Leer más",
    choose_up_to: "Elige hasta {n} opciones.",
    add_range: ["Agrega de {min} a {max} fotos.", "Agrega de {min} a {max} documentos."],
    add_up_to: ["Agrega hasta {max} fotos.", "Agrega hasta {max} documentos."],
    max_size: "Tamaño máximo del archivo: {n} MB.",
    picker_button: ["Tomar foto", "Subir documento"],
    months: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
    day_first: true,
};

const AR: Locale = Locale {
    tag: "ar",
    managed: "تديرها الشركة.",
    learn_more: "معرفة المزيد",
    optional: "(اختياري)",
    read_more: "قراءة المزيد",
    choose_up_to: "اختر حتى {n} من الخيارات.",
    add_range: ["أضف من {min} إلى {max} من الصور.", "أضف من {min} إلى {max} من المستندات."],
    add_up_to: ["أضف حتى {max} من الصور.", "أضف حتى {max} من المستندات."],
    max_size: "الحد الأقصى لحجم الملف {n} ميغابايت.",
    picker_button: ["التقاط صورة", "تحميل مستند"],
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    day_first: true,
};

/// The locales the preview has strings for.
pub const LOCALES: [&Locale; 4] = [&EN, &PT_BR, &ES, &AR];

/// The locale for `tag` (`pt_BR`, `pt-BR` and `pt` alike; unknown ones: en).
pub fn find(tag: Option<&str>) -> &'static Locale {
    let tag = tag.unwrap_or("en");
    let base = tag.split(['_', '-']).next().unwrap_or_default();
    LOCALES.into_iter().find(|l| l.tag.split('_').next() == Some(base)).unwrap_or(&EN)
}

impl Locale {
    /// `template` with `{name}` replaced by each value.
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        let mut out = template.to_owned();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// `YYYY-MM-DD` as the device shows it ("Oct 23 2024" in en); other text as given.
    pub fn date(&self, value: &str) -> String {
        if !crate::time::is_calendar_date(value) {
            return value.to_owned();
        }
        let year = value.get(..4).unwrap_or_default();
        let month: usize = value.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
        let day = value.get(8..10).unwrap_or_default().trim_start_matches('0');
        let month = self.months.get(month.saturating_sub(1)).copied().unwrap_or_default();
        if self.day_first {
            format!("{day} {month} {year}")
        } else {
            format!("{month} {day} {year}")
        }
    }
}

/// Milliseconds since 1970 (DatePicker values before Flow JSON 5.0) as `YYYY-MM-DD` (UTC).
pub fn date_of_millis(text: &str) -> Option<String> {
    let millis: i64 = text.trim().parse().ok()?;
    crate::time::utc_minute(millis.div_euclid(1000)).get(..10).map(str::to_owned)
}
