//! Fluent bundles for the app's two languages, built from the `.ftl` files embedded at compile time — the app's
//! interface (`locales/`, [`FILES`]) and the event pack's texts (the built-in pack's `locales/<lang>/*.ftl`,
//! [`builtin_pack_files`]) merged into one bundle per language — plus language negotiation. `en` is the
//! reference: a message missing in `ru` falls back to `en` and is reported to the caller (who logs it); a raw
//! message id never comes out of here.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use unic_langid::LanguageIdentifier;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}
pub use embedded::FILES;

/// A pack's Fluent files as (language, area, source): its `locales/<lang>/<area>.ftl` entries, in the pack's
/// order; other files (`event.json`) are left out.
pub fn pack_ftl<'a>(pack: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str, &'a str)> {
    pack.iter()
        .filter_map(|(path, src)| {
            let (lang, file) = path.strip_prefix("locales/")?.split_once('/')?;
            Some((lang, file.strip_suffix(".ftl")?, *src))
        })
        .filter(|(lang, area, _)| !lang.is_empty() && !area.is_empty() && !area.contains('/'))
        .collect()
}

/// The built-in pack's Fluent files as (language, area, source).
pub fn builtin_pack_files() -> Vec<(&'static str, &'static str, &'static str)> {
    pack_ftl(crate::event::BUILTIN_PACK)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// An exact language code as the UI and the command line send it.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    /// Picks the app language from the OS's preferred languages, most preferred first (BCP 47 such as `ru-KZ`,
    /// or POSIX such as `ru_RU.UTF-8`): the first that the app can serve decides. Russian, and the languages of
    /// the region whose readers usually have Russian as their second language ([`RUSSIAN_READERS`]: Kazakh,
    /// Kyrgyz, Tajik, Turkmen, Uzbek, Belarusian, in any regional variant or script), give `ru`; English gives
    /// `en`; others are passed over. With none of these (or no list), `en`.
    ///
    /// # Example
    /// ```
    /// use workshop_core::Lang;
    /// assert_eq!(Lang::negotiate(&["kk-KZ", "en-US"]), Lang::Ru);
    /// assert_eq!(Lang::negotiate(&["de-DE", "en-GB", "ru-RU"]), Lang::En);
    /// assert_eq!(Lang::negotiate::<&str>(&[]), Lang::En);
    /// ```
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Lang {
        for locale in preferred {
            let tag = locale.as_ref().split(['.', '@']).next().unwrap_or("");
            let Ok(id) = tag.replace('_', "-").parse::<LanguageIdentifier>() else { continue };
            let language = id.language.as_str().to_ascii_lowercase();
            if language == "ru" || RUSSIAN_READERS.contains(&language.as_str()) {
                return Lang::Ru;
            }
            if language == "en" {
                return Lang::En;
            }
        }
        Lang::En
    }

    fn langid(self) -> LanguageIdentifier {
        self.code().parse().expect("static language code")
    }
}

/// ISO 639-1 codes of the region's languages whose readers usually have Russian as their second language:
/// Kazakh, Kyrgyz, Tajik, Turkmen, Uzbek, Belarusian.
pub const RUSSIAN_READERS: [&str; 6] = ["kk", "ky", "tg", "tk", "uz", "be"];

/// One formatted message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub value: String,
    pub attrs: BTreeMap<String, String>,
    /// The message was missing in the requested language and came from `en`.
    #[serde(skip)]
    pub fell_back: bool,
    /// The message exists in no language; `value` is empty.
    #[serde(skip)]
    pub missing: bool,
}

pub struct Localizer {
    en: FluentBundle<FluentResource>,
    ru: FluentBundle<FluentResource>,
}

/// Builds a `FluentArgs` from JSON values, as the UI sends them: numbers stay numbers, so that plural rules
/// apply; everything else becomes a string.
pub fn args_from_json(map: &serde_json::Map<String, serde_json::Value>) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    for (k, v) in map {
        let value: FluentValue<'static> = match v {
            serde_json::Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => FluentValue::from(s.clone()),
            other => FluentValue::from(other.to_string()),
        };
        args.set(k.clone(), value);
    }
    args
}

impl Localizer {
    /// Builds both bundles from the embedded files: the app's and the built-in pack's. Fails with every parse
    /// error and duplicate id found.
    pub fn new() -> Result<Localizer, Vec<String>> {
        Localizer::with_pack(&builtin_pack_files())
    }

    /// The embedded bundles. Their validity is pinned by tests, so this cannot fail in a released binary.
    pub fn embedded() -> Localizer {
        Localizer::new().unwrap_or_else(|errs| panic!("embedded locales are invalid: {errs:?}"))
    }

    /// The app's interface ([`FILES`]) and an event pack's texts, `pack_ftl` as (language, area, source), merged
    /// into one bundle per language. Parse errors, junk and ids defined twice fail, wherever they are — a message
    /// the pack defines again that the app already has too.
    pub fn with_pack<S: AsRef<str>>(pack_ftl: &[(S, S, S)]) -> Result<Localizer, Vec<String>> {
        let app = FILES.iter().map(|(lang, area, src)| (String::new(), *lang, *area, *src));
        let pack =
            pack_ftl.iter().map(|(lang, area, src)| ("pack ".to_owned(), lang.as_ref(), area.as_ref(), src.as_ref()));
        Localizer::build(app.chain(pack).collect())
    }

    /// Bundles from exactly `files`, (language, area, source), without the embedded ones.
    pub fn from_files(files: &[(&str, &str, &str)]) -> Result<Localizer, Vec<String>> {
        Localizer::build(files.iter().map(|(lang, area, src)| (String::new(), *lang, *area, *src)).collect())
    }

    /// One code path for every source: (origin shown in errors, language, area, Fluent source).
    fn build(files: Vec<(String, &str, &str, &str)>) -> Result<Localizer, Vec<String>> {
        let mut errors = Vec::new();
        let mut make = |lang: Lang| {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            bundle.set_use_isolating(false);
            for (origin, code, area, src) in files.iter().filter(|f| f.1 == lang.code()) {
                let name = format!("{origin}{code}/{area}.ftl");
                let res = match FluentResource::try_new((*src).to_owned()) {
                    Ok(res) => res,
                    Err((res, errs)) => {
                        for e in errs {
                            errors.push(format!("{name}: parse error {e:?}"));
                        }
                        res
                    }
                };
                for entry in res.entries() {
                    if let ast::Entry::Junk { content } = entry {
                        errors.push(format!("{name}: junk {content:?}"));
                    }
                }
                if let Err(errs) = bundle.add_resource(res) {
                    for e in errs {
                        errors.push(format!("{name}: {e:?}"));
                    }
                }
            }
            bundle
        };
        let en = make(Lang::En);
        let ru = make(Lang::Ru);
        if errors.is_empty() {
            Ok(Localizer { en, ru })
        } else {
            Err(errors)
        }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }

    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// Formats message `id` with its attributes in `lang`, falling back to `en`.
    pub fn message(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> Message {
        let (bundle, fell_back) = if self.has(lang, id) {
            (self.bundle(lang), false)
        } else if self.has(Lang::En, id) {
            (&self.en, true)
        } else {
            return Message { value: String::new(), attrs: BTreeMap::new(), fell_back: true, missing: true };
        };
        let msg = bundle.get_message(id).expect("checked above");
        let mut errors = Vec::new();
        let value = msg.value().map(|p| bundle.format_pattern(p, args, &mut errors).into_owned()).unwrap_or_default();
        let attrs = msg
            .attributes()
            .map(|a| (a.id().to_owned(), bundle.format_pattern(a.value(), args, &mut errors).into_owned()))
            .collect();
        Message { value, attrs, fell_back, missing: false }
    }

    /// The value of a message without arguments.
    pub fn text(&self, lang: Lang, id: &str) -> String {
        self.message(lang, id, None).value
    }

    /// The value of a message with arguments given as pairs.
    pub fn text_with(&self, lang: Lang, id: &str, args: &[(&str, FluentValue)]) -> String {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, v.clone());
        }
        self.message(lang, id, Some(&a)).value
    }

    /// The value of an attribute, e.g. `resource-gcm.description`.
    pub fn attr(&self, lang: Lang, id: &str, attr: &str) -> String {
        self.message(lang, id, None).attrs.remove(attr).unwrap_or_default()
    }
}

/// The shape of every message in one language, in the app's files and the built-in pack's: id → (attribute
/// names, variable names). Tests compare the shapes of `en` and `ru` so that a missing or obsolete translation
/// fails.
pub fn shapes(lang: Lang) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let files: Vec<_> = FILES.iter().copied().chain(builtin_pack_files()).collect();
    shapes_of(&files, lang)
}

/// The shape of every message of `files`, (language, area, source), in one language.
pub fn shapes_of(files: &[(&str, &str, &str)], lang: Lang) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let mut out = BTreeMap::new();
    for (_, _, src) in files.iter().filter(|f| f.0 == lang.code()) {
        let res = fluent_syntax::parser::parse(*src).unwrap_or_else(|(res, _)| res);
        for entry in res.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                _ => continue,
            };
            let mut vars = BTreeSet::new();
            if let Some(p) = &value {
                pattern_vars(p, &mut vars);
            }
            let mut attrs = BTreeSet::new();
            for a in &attributes {
                attrs.insert(a.id.name.to_owned());
                pattern_vars(&a.value, &mut vars);
            }
            out.insert(id, (attrs, vars));
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr_vars(expression, out);
        }
    }
}

fn expr_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The OS's preferred languages, most preferred first, and the language the app picks.
    #[test]
    fn negotiation() {
        let cases: &[(&[&str], Lang)] = &[
            (&["ru"], Lang::Ru),
            (&["ru-RU"], Lang::Ru),
            (&["ru-KZ"], Lang::Ru),
            (&["ru_RU.UTF-8"], Lang::Ru),
            (&["RU"], Lang::Ru),
            (&["kk-KZ"], Lang::Ru),
            (&["kk_KZ.UTF-8"], Lang::Ru),
            (&["ky-KG"], Lang::Ru),
            (&["tg-TJ"], Lang::Ru),
            (&["tg-Cyrl-TJ"], Lang::Ru),
            (&["tk-TM"], Lang::Ru),
            (&["uz-Latn-UZ"], Lang::Ru),
            (&["uz-Cyrl-UZ"], Lang::Ru),
            (&["be-BY"], Lang::Ru),
            (&["be_BY.UTF-8@latin"], Lang::Ru),
            (&["kk-KZ", "en-US"], Lang::Ru),
            (&["en-US", "ru-RU"], Lang::En),
            (&["en-GB"], Lang::En),
            // Not served: passed over for the next one.
            (&["de-DE", "ru-RU"], Lang::Ru),
            (&["az-Latn-AZ", "ru-RU", "en-US"], Lang::Ru),
            (&["fr-FR", "en-US", "ru-RU"], Lang::En),
            (&["C", "ru_RU.UTF-8"], Lang::Ru),
            (&["POSIX"], Lang::En),
            (&["az"], Lang::En),
            (&["fa-AF", "ps-AF"], Lang::En),
            (&["rus"], Lang::En),
            (&[""], Lang::En),
            (&[], Lang::En),
        ];
        for (preferred, expect) in cases {
            assert_eq!(Lang::negotiate(preferred), *expect, "{preferred:?}");
        }
    }

    #[test]
    fn fallback_and_missing() {
        let files = [("en", "a", "only-en = Hello\nboth = Hi\n"), ("ru", "a", "both = Привет\n")];
        let l = Localizer::from_files(&files).unwrap();
        let m = l.message(Lang::Ru, "only-en", None);
        assert_eq!((m.value.as_str(), m.fell_back, m.missing), ("Hello", true, false));
        let m = l.message(Lang::Ru, "both", None);
        assert_eq!((m.value.as_str(), m.fell_back), ("Привет", false));
        let m = l.message(Lang::Ru, "nowhere", None);
        assert_eq!((m.value.as_str(), m.missing), ("", true));
    }

    #[test]
    fn duplicates_and_junk_fail() {
        let dup = [("en", "a", "x = 1\n"), ("en", "b", "x = 2\n")];
        assert!(Localizer::from_files(&dup).is_err());
        let junk = [("en", "a", "x = {\n")];
        assert!(Localizer::from_files(&junk).is_err());
    }

    #[test]
    fn pack_files_are_its_locales() {
        let pack = [
            ("event.json", "{}"),
            ("locales/en/agenda.ftl", "a = A\n"),
            ("locales/ru/event.ftl", "b = Б\n"),
            ("locales/en/notes.txt", "not Fluent"),
            ("locales/en/deep/x.ftl", "c = C\n"),
            ("README.ftl", "d = D\n"),
        ];
        assert_eq!(pack_ftl(&pack), [("en", "agenda", "a = A\n"), ("ru", "event", "b = Б\n")]);
        let builtin = builtin_pack_files();
        let areas = |lang: &str| builtin.iter().filter(|f| f.0 == lang).map(|f| f.1).collect::<Vec<_>>();
        assert_eq!(areas("en"), ["agenda", "concept", "event", "resources"]);
        assert_eq!(areas("en"), areas("ru"), "the built-in pack has the same files in en and ru");
    }

    /// A navigation link names its view as the view's heading does, in every language: a participant who clicks
    /// «ГДМ вкратце» lands on «ГДМ вкратце». Workshops is the one link shorter than its heading
    /// ("Workshops and trainings"), by design.
    #[test]
    fn each_navigation_link_reads_as_its_views_heading() {
        let l = Localizer::embedded();
        for lang in [Lang::En, Lang::Ru] {
            for view in ["overview", "concept", "agenda", "resources", "gcm", "about", "search", "settings"] {
                let (link, heading) = (l.text(lang, &format!("nav-{view}")), l.text(lang, &format!("{view}-title")));
                assert!(!link.is_empty(), "nav-{view} in {lang:?}");
                assert_eq!(link, heading, "nav-{view} and {view}-title in {lang:?}");
            }
            let (link, heading) = (l.text(lang, "nav-events"), l.text(lang, "events-title"));
            assert!(heading.starts_with(&link), "{link:?} begins {heading:?} in {lang:?}");
        }
    }

    #[test]
    fn the_app_and_the_pack_share_one_bundle() {
        let l =
            Localizer::with_pack(&[("en", "event", "pack-only = From the pack, next to { nav-agenda }\n")]).unwrap();
        assert_eq!(l.text(Lang::En, "pack-only"), "From the pack, next to Agenda");
        assert_eq!(l.text(Lang::En, "nav-agenda"), "Agenda", "the app's own messages are there too");
        // The embedded bundles are the app's files and the built-in pack's.
        let l = Localizer::embedded();
        assert!(l.has(Lang::Ru, "nav-agenda") && l.has(Lang::Ru, "event-title") && l.has(Lang::Ru, "concept-p13"));
        assert!(!Localizer::with_pack::<&str>(&[]).unwrap().has(Lang::En, "event-title"), "event-title is the pack's");
    }

    #[test]
    fn a_pack_cannot_redefine_or_break_the_app() {
        let errs = Localizer::with_pack(&[("en", "event", "nav-agenda = Programme\n")]).err().unwrap();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].starts_with("pack en/event.ftl: ") && errs[0].contains("nav-agenda"), "{errs:?}");
        let errs = Localizer::with_pack(&[("ru", "event", "x = {\n")]).err().unwrap();
        assert!(errs.iter().any(|e| e.starts_with("pack ru/event.ftl: junk")), "{errs:?}");
        let dup = [("en", "a", "x = 1\n"), ("en", "b", "x = 2\n")];
        let errs = Localizer::with_pack(&dup).err().unwrap();
        assert!(errs.iter().any(|e| e.starts_with("pack en/b.ftl: ") && e.contains("\"x\"")), "{errs:?}");
        // Owned strings, as a pack read at run time holds them, work the same.
        let owned = [("en".to_owned(), "event".to_owned(), "y = Y\n".to_owned())];
        assert_eq!(Localizer::with_pack(&owned).unwrap().text(Lang::En, "y"), "Y");
    }

    #[test]
    fn no_isolation_marks() {
        let files = [("en", "a", "hi = Hi { $name }!\n")];
        let l = Localizer::from_files(&files).unwrap();
        assert_eq!(l.text_with(Lang::En, "hi", &[("name", "Ann".into())]), "Hi Ann!");
    }
}
