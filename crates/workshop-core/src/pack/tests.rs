//! Packs built, signed and taken apart in memory, with a key generated for each run; and the hostile shapes,
//! each refused with its reason.

use super::archive::{read_container, read_files, write_container, write_files, PACK_SIG, PACK_ZIP};
use super::*;
use std::collections::BTreeMap;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const BUILTIN: &str = "gcm-almaty-process-2023-12-05";

fn event_json(patch: &[(&str, &str)]) -> String {
    let mut json = r#"{
  "id": "rtcm-training-test",
  "format": 1,
  "version": 1,
  "timezone": "Asia/Bishkek",
  "date": "2027-03-16",
  "start": "09:30",
  "end": "12:00",
  "languages": ["en", "ru"],
  "interpretation": "ru",
  "organiser": "RTCM",
  "meeting": null,
  "agenda": [
    { "id": "opening", "start": "09:30", "end": "10:00", "session": null, "topics": [], "speakers": [{ "id": "host", "tbc": false }] },
    { "id": "data", "start": "10:00", "end": "12:00", "session": 1, "topics": ["sources"], "speakers": [] }
  ],
  "resources": [
    { "id": "guide", "url": "https://example.org/guide", "symbol": null, "date": null }
  ]
}"#
    .to_owned();
    for (from, to) in patch {
        assert!(json.contains(from), "{from:?} not in the test event");
        json = json.replacen(from, to, 1);
    }
    json
}

const EN: &str = "event-title = Training on migration data\nevent-title-short = Migration data\n\
agenda-opening-title = Opening\nagenda-data-title = Data in practice, see [the guide](guide)\n\
agenda-data-topic-sources = Sources\nspeaker-host = The host\nresource-guide = A **guide**\n    .description = About it\noverview-heading = About\noverview-held-by = Held by RTCM\noverview-where = Online\noverview-languages = English, Russian\noverview-aim-1 = Learn\ncalendar-description = A training\nconcept-heading = Concept\nconcept-held-within = Within the programme\nconcept-p1 = Why\nconcept-footnote = Note\nevent-zone-label = Bishkek time\nevent-zone-label-same = Bishkek time, yours too\nevent-zone-same = Same as Bishkek\n";
const RU: &str = "event-title = Тренинг по данным о миграции\nevent-title-short = Данные о миграции\n\
agenda-opening-title = Открытие\nagenda-data-title = Данные на практике, см. [руководство](guide)\n\
agenda-data-topic-sources = Источники\nspeaker-host = Ведущий\nresource-guide = **Руководство**\n    .description = О нём\noverview-heading = О тренинге\noverview-held-by = Проводит РЦПМ\noverview-where = Онлайн\noverview-languages = английский, русский\noverview-aim-1 = Узнать\ncalendar-description = Тренинг\nconcept-heading = Концепция\nconcept-held-within = В рамках программы\nconcept-p1 = Зачем\nconcept-footnote = Примечание\nevent-zone-label = Время в Бишкеке\nevent-zone-label-same = Время в Бишкеке и ваше\nevent-zone-same = Как в Бишкеке\n";

fn files_with(edit: impl FnOnce(&mut BTreeMap<String, String>)) -> PackFiles {
    let mut m = BTreeMap::new();
    m.insert("event.json".to_owned(), event_json(&[]));
    m.insert("locales/en/event.ftl".to_owned(), EN.to_owned());
    m.insert("locales/ru/event.ftl".to_owned(), RU.to_owned());
    edit(&mut m);
    PackFiles::new(m)
}

fn app_ids() -> Vec<String> {
    vec!["nav-search".to_owned(), "agenda-title".to_owned()]
}

struct Signer {
    sk: minisign::SecretKey,
    key: TrustedKey,
}

fn signer(source: KeySource) -> Signer {
    let kp = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
    let key = TrustedKey::parse(&kp.pk.to_box().unwrap().to_string(), source).unwrap();
    Signer { sk: kp.sk, key }
}

fn sign(data: &[u8], s: &Signer) -> String {
    minisign::sign(None, &s.sk, Cursor::new(data), Some("file:pack.zip"), None).unwrap().to_string()
}

fn built(files: &PackFiles, s: &Signer) -> Vec<u8> {
    let inner = write_files(files);
    write_container(&inner, Some(&sign(&inner, s)))
}

/// A zip of `entries` as given (names, kinds), for shapes the pack writer never makes.
fn raw_zip(entries: &[(&str, &[u8])], symlink: Option<(&str, &str)>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(bytes).unwrap();
    }
    if let Some((name, target)) = symlink {
        zip.add_symlink(name, target, opts).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Replaces every occurrence of `from` by `to` (same length) in the raw bytes: names the zip writer refuses.
fn patch(mut bytes: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let (f, t) = (from.as_bytes(), to.as_bytes());
    let mut i = 0;
    let mut n = 0;
    while i + f.len() <= bytes.len() {
        if &bytes[i..i + f.len()] == f {
            bytes[i..i + f.len()].copy_from_slice(t);
            n += 1;
        }
        i += 1;
    }
    assert!(n > 0, "{from:?} not in the zip");
    bytes
}

/// A signed container around an inner zip built by hand.
fn signed_inner(inner: Vec<u8>, s: &Signer) -> Vec<u8> {
    write_container(&inner, Some(&sign(&inner, s)))
}

fn base_entries() -> Vec<(String, Vec<u8>)> {
    files_with(|_| ()).iter().map(|(p, t)| (p.to_owned(), t.as_bytes().to_vec())).collect()
}

fn inner_with(extra: &[(&str, &[u8])]) -> Vec<u8> {
    let base = base_entries();
    let mut entries: Vec<(&str, &[u8])> = base.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    entries.extend_from_slice(extra);
    raw_zip(&entries, None)
}

#[test]
fn a_signed_pack_opens_and_names_its_signer() {
    let s = signer(KeySource::User);
    let bytes = built(&files_with(|_| ()), &s);
    let opened = open(&bytes, std::slice::from_ref(&s.key), BUILTIN, &app_ids()).unwrap();
    assert_eq!(opened.pack.event.id, "rtcm-training-test");
    assert_eq!(opened.signer.id, s.key.id);
    assert_eq!(opened.signer.source, KeySource::User);
    assert_eq!(opened.pack.ftl.len(), 2);
    // Reproducible: the same files give the same inner bytes.
    assert_eq!(write_files(&files_with(|_| ())), write_files(&files_with(|_| ())));
    let c = read_container(&bytes, &Limits::default()).unwrap();
    assert_eq!(read_files(&c.pack_zip, &Limits::default()).unwrap(), files_with(|_| ()));
}

#[test]
fn the_most_trusted_source_of_a_key_is_named() {
    let s = signer(KeySource::User);
    let machine = s.key.with_source(KeySource::Machine);
    let bytes = built(&files_with(|_| ()), &s);
    let opened = open(&bytes, &[s.key.clone(), machine], BUILTIN, &app_ids()).unwrap();
    assert_eq!(opened.signer.source, KeySource::Machine);
}

#[test]
fn the_built_in_event_id_needs_a_key_shipped_with_the_app() {
    let files = files_with(|m| {
        let json = m["event.json"].replace("rtcm-training-test", BUILTIN);
        m.insert("event.json".into(), json);
    });
    for (source, ok) in [(KeySource::User, false), (KeySource::Machine, false), (KeySource::Builtin, true)] {
        let s = signer(source);
        let r = open(&built(&files, &s), std::slice::from_ref(&s.key), BUILTIN, &app_ids());
        assert_eq!(r.is_ok(), ok, "{source:?}: {:?}", r.err());
        if !ok {
            assert_eq!(r.unwrap_err().code(), "builtin-id");
        }
    }
}

#[test]
fn install_decides_by_version() {
    assert_eq!(Install::decide(None, 1), Install::New);
    assert_eq!(Install::decide(Some(1), 2), Install::Upgrade { from: 1 });
    assert_eq!(Install::decide(Some(2), 2), Install::Same);
    assert_eq!(Install::decide(Some(3), 2), Install::Older { installed: 3 });
}

#[test]
fn key_files_are_read_as_minisign_writes_them() {
    let s = signer(KeySource::User);
    let text = s.key.to_file_text();
    let again = TrustedKey::parse(&text, KeySource::User).unwrap();
    assert_eq!((again.id.as_str(), again.fingerprint.as_str()), (s.key.id.as_str(), s.key.fingerprint.as_str()));
    // minisign (C) writes the id without leading zeros, as organisers' `.pub` files show it; the minisign crate
    // pads it to 16 digits. The id is the padded one without its leading zeros.
    let crate_box = minisign::PublicKey::from_base64(&s.key.fingerprint).unwrap().to_box().unwrap().to_string();
    let padded = crate_box.lines().next().unwrap().rsplit(' ').next().unwrap().to_owned();
    assert_eq!(padded.len(), 16, "{crate_box}");
    assert_eq!(again.id, padded.trim_start_matches('0'), "{text}");
    assert!((1..=16).contains(&again.id.len()) && !again.id.starts_with('0'), "{}", again.id);
    assert!(again.id.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase()), "{}", again.id);
    assert!(again.fingerprint.starts_with("RW"));
    for bad in ["", "untrusted comment: x\n", "hello", "RWQ", "untrusted comment: minisign secret key\nRWRTY0Iy"] {
        assert_eq!(TrustedKey::parse(bad, KeySource::User).unwrap_err().code(), "bad-key", "{bad:?}");
    }
}

/// Every hostile shape: (what, the pack's bytes, the expected error code, a word the reason must contain).
#[test]
fn hostile_packs_are_refused_with_their_reason() {
    let s = signer(KeySource::User);
    let other = signer(KeySource::User);
    let keys = [s.key.clone()];
    let good = built(&files_with(|_| ()), &s);
    let good_inner = write_files(&files_with(|_| ()));
    let with = |edit: &dyn Fn(&mut BTreeMap<String, String>)| built(&files_with(|m| edit(m)), &s);
    let event = |patch: &[(&str, &str)]| {
        let json = event_json(patch);
        built(&files_with(move |m| drop(m.insert("event.json".into(), json.clone()))), &s)
    };
    let ftl = |lang: &str, text: String| {
        let path = format!("locales/{lang}/event.ftl");
        built(&files_with(move |m| drop(m.insert(path.clone(), text.clone()))), &s)
    };
    let bomb = vec![0u8; 3 << 20];
    let big = vec![b'#'; (2 << 20) - 16];
    let many: Vec<(String, Vec<u8>)> = (0..501).map(|i| (format!("locales/en/f{i}.ftl"), Vec::new())).collect();
    let many_refs: Vec<(&str, &[u8])> = many.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let bigs: Vec<(String, Vec<u8>)> = (0..11).map(|i| (format!("locales/en/b{i}.ftl"), big.clone())).collect();
    let big_refs: Vec<(&str, &[u8])> = bigs.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let changed = {
        let c = read_container(&good, &Limits::default()).unwrap();
        let other_inner = write_files(&files_with(|m| {
            let t = m["locales/en/event.ftl"].replace("Opening", "Openinq");
            m.insert("locales/en/event.ftl".into(), t);
        }));
        write_container(&other_inner, c.signature.as_deref())
    };
    let comment_changed = {
        let sig = sign(&good_inner, &s).replace("trusted comment: file:pack.zip", "trusted comment: file:pack.zap");
        write_container(&good_inner, Some(&sig))
    };
    let mut cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("not a zip", b"hello, this is not a pack".to_vec(), "not-a-pack", "not a zip file"),
        ("empty file", Vec::new(), "not-a-pack", "empty"),
        ("truncated", good[..good.len() / 2].to_vec(), "damaged", "ends too early"),
        ("truncated by one byte", good[..good.len() - 1].to_vec(), "damaged", "ends too early"),
        ("unsigned", write_container(&good_inner, None), "unsigned", "not signed"),
        ("signature is not minisign", write_container(&good_inner, Some("hello\n")), "bad-signature-file", "signature"),
        ("signed by an unknown key", built(&files_with(|_| ()), &other), "unknown-key", "not trusted"),
        ("content changed after signing", changed, "bad-signature", "changed after signing"),
        ("trusted comment changed", comment_changed, "bad-signature", "changed after signing"),
        (
            "signature of other data",
            write_container(&good_inner, Some(&sign(b"other", &s))),
            "bad-signature",
            "changed",
        ),
        (
            "outer extra entry",
            raw_zip(&[(PACK_ZIP, &good_inner), (PACK_SIG, sign(&good_inner, &s).as_bytes()), ("run.exe", b"MZ")], None),
            "unexpected-entry",
            "run.exe",
        ),
        (
            "outer duplicate pack.zip",
            patch(
                raw_zip(
                    &[(PACK_ZIP, &good_inner), ("pack.zop", &good_inner), (PACK_SIG, sign(&good_inner, &s).as_bytes())],
                    None,
                ),
                "pack.zop",
                "pack.zip",
            ),
            "unexpected-entry",
            "pack.zip",
        ),
        (
            "outer without pack.zip",
            raw_zip(&[(PACK_SIG, sign(&good_inner, &s).as_bytes())], None),
            "not-a-pack",
            "pack.zip",
        ),
        ("entry with ..", signed_inner(inner_with(&[("../../evil.ftl", b"x = y")]), &s), "unsafe-entry", ".."),
        (
            "entry inside with ..",
            signed_inner(inner_with(&[("locales/../../x.ftl", b"x = y")]), &s),
            "unsafe-entry",
            "..",
        ),
        ("absolute path", signed_inner(inner_with(&[("/etc/cron.d/x", b"x")]), &s), "unsafe-entry", "absolute"),
        ("drive letter", signed_inner(inner_with(&[("C:/Windows/x.ftl", b"x")]), &s), "unsafe-entry", "drive"),
        ("drive-relative", signed_inner(inner_with(&[("D:evil.ftl", b"x")]), &s), "unsafe-entry", "drive"),
        ("backslashes", signed_inner(inner_with(&[("locales\\en\\x.ftl", b"x")]), &s), "unsafe-entry", "backslash"),
        ("dot component", signed_inner(inner_with(&[("./locales/en/x.ftl", b"x")]), &s), "unsafe-entry", "'.'"),
        ("empty component", signed_inner(inner_with(&[("locales//en/x.ftl", b"x")]), &s), "unsafe-entry", "empty"),
        (
            "control character",
            signed_inner(inner_with(&[("locales/en/x\u{1}.ftl", b"x")]), &s),
            "unsafe-entry",
            "control",
        ),
        (
            "symbolic link",
            signed_inner(
                {
                    let base = base_entries();
                    let e: Vec<(&str, &[u8])> = base.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
                    raw_zip(&e, Some(("locales/en/link.ftl", "/etc/passwd")))
                },
                &s,
            ),
            "unsafe-entry",
            "symbolic link",
        ),
        (
            "duplicate entry",
            signed_inner(
                patch(inner_with(&[("event.jsoX", event_json(&[]).as_bytes())]), "event.jsoX", "event.json"),
                &s,
            ),
            "duplicate-entry",
            "twice",
        ),
        (
            "zip bomb (3 MiB of zeros in one file)",
            signed_inner(inner_with(&[("locales/en/bomb.ftl", &bomb)]), &s),
            "too-large",
            "over the limit",
        ),
        ("501 entries", signed_inner(raw_zip(&many_refs, None), &s), "too-large", "number of files"),
        ("22 MiB unpacked in all", signed_inner(inner_with(&big_refs), &s), "too-large", "unpacked"),
        (
            "non-UTF-8 text",
            signed_inner(inner_with(&[("locales/en/latin1.ftl", b"x = caf\xe9")]), &s),
            "not-utf8",
            "UTF-8",
        ),
        ("invalid Fluent", ftl("en", format!("{EN}broken = {{ $x\n")), "invalid", "Fluent syntax"),
        ("HTML in a text", ftl("en", EN.replace("Opening", "<script>alert(1)</script>")), "invalid", "HTML"),
        ("javascript: link", ftl("en", EN.replace("(guide)", "(javascript:alert(1))")), "invalid", "javascript"),
        ("link to a resource not in the pack", ftl("ru", RU.replace("(guide)", "(gcm)")), "invalid", "not a resource"),
        ("a message missing from ru", ftl("ru", RU.replace("speaker-host = Ведущий\n", "")), "invalid", "speaker-host"),
        (
            "an attribute missing from en",
            ftl("en", EN.replace("    .description = About it\n", "")),
            "invalid",
            "resource-guide.description",
        ),
        ("no ru texts at all", with(&|m| drop(m.remove("locales/ru/event.ftl"))), "invalid", "locales/ru"),
        ("redefines an app message", ftl("en", format!("{EN}nav-search = Find\n")), "invalid", "app's own"),
        (
            "an unexpected file",
            with(&|m| drop(m.insert("ui/index.html".into(), "<html>".into()))),
            "invalid",
            "unexpected file",
        ),
        (
            "a third language",
            with(&|m| drop(m.insert("locales/de/event.ftl".into(), EN.into()))),
            "invalid",
            "unexpected file",
        ),
        (
            "event.json is not JSON",
            with(&|m| drop(m.insert("event.json".into(), "{ \"id\": ".into()))),
            "invalid",
            "event.json",
        ),
        ("no event.json", with(&|m| drop(m.remove("event.json"))), "invalid", "event.json"),
        ("http resource URL", event(&[("https://example.org/guide", "http://example.org/guide")]), "invalid", "https"),
        ("javascript: resource URL", event(&[("https://example.org/guide", "javascript:alert(1)")]), "invalid", "url"),
        (
            "hostile meeting link",
            event(&[("\"meeting\": null", "\"meeting\": \"https://zoom.us.evil.example/j/85012345678\"")]),
            "invalid",
            "meeting",
        ),
        ("unknown time zone", event(&[("Asia/Bishkek", "Asia/Atlantis")]), "invalid", "time zone"),
        (
            "items out of order",
            event(&[("\"start\": \"10:00\", \"end\": \"12:00\"", "\"start\": \"09:45\", \"end\": \"12:00\"")]),
            "invalid",
            "order",
        ),
        ("duplicate item ids", event(&[("\"id\": \"data\"", "\"id\": \"opening\"")]), "invalid", "duplicate"),
        ("an unknown field", event(&[("\"organiser\"", "\"script\": 1, \"organiser\"")]), "invalid", "unknown field"),
        ("a newer pack format", event(&[("\"format\": 1", "\"format\": 2")]), "invalid", "format"),
        (
            "the built-in event's id with a participant's key",
            event(&[("\"id\": \"rtcm-training-test\"", &format!("\"id\": \"{BUILTIN}\""))]),
            "builtin-id",
            "built-in",
        ),
    ];
    let mut flipped = good.clone();
    flipped[good.len() / 3] ^= 0x20;
    cases.push(("one byte changed on the way", flipped, "damaged", "damaged"));
    assert!(cases.len() >= 40, "{} cases", cases.len());
    // `GCM_WRITE_HOSTILE_CORPUS=$PWD/tests/fixtures/hostile cargo test -p workshop-core hostile` writes the cases
    // as files in its `packs/` folder, with the key that signed them (public half only) and each one's expected
    // outcome as `gcm-workshop open FILE` gives it (the format is in tests/fixtures/hostile/README.md).
    if let Some(root) = std::env::var_os("GCM_WRITE_HOSTILE_CORPUS") {
        let dir = std::path::PathBuf::from(root).join("packs");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("corpus.pub"), s.key.to_file_text()).unwrap();
        let mut table = String::from("# file\texit\tkind\tmessage\tdetail\tnote\n");
        for (n, (what, bytes, code, word)) in cases.iter().enumerate() {
            let slug: String = what
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
                .collect::<String>()
                .split('-')
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            let file = format!("{:02}-{slug}.gcmpack", n + 1);
            std::fs::write(dir.join(&file), bytes).unwrap();
            table.push_str(&format!("{file}\t2\tpack\tpack-error-{code}\t{word}\t{what}\n"));
        }
        std::fs::write(dir.join("expected.tsv"), table).unwrap();
    }
    for (what, bytes, code, word) in &cases {
        match open(bytes, &keys, BUILTIN, &app_ids()) {
            Ok(_) => panic!("{what}: opened"),
            Err(e) => {
                assert_eq!(e.code(), *code, "{what}: {e}");
                assert!(e.to_string().contains(word), "{what}: {e:?} does not say {word:?}");
            }
        }
    }
}

/// Every byte of a good pack changed in turn: each change is refused with a reason a participant can act on (a
/// damaged file, a signature that does not match), never opened and never a panic.
#[test]
fn a_pack_with_any_one_byte_changed_is_refused() {
    let s = signer(KeySource::User);
    let keys = vec![s.key.clone()];
    let good = built(&files_with(|_| ()), &s);
    assert!(open(&good, &keys, BUILTIN, &app_ids()).is_ok());
    let mut seen = BTreeMap::new();
    for i in 0..good.len() {
        let mut bytes = good.clone();
        bytes[i] ^= 0x01;
        match open(&bytes, &keys, BUILTIN, &app_ids()) {
            // A flag bit or a field no reader uses (a time stamp, "version made by") changes nothing that is read.
            Ok(p) => assert_eq!(p.pack.files, files_with(|_| ()), "byte {i} changed what the pack holds"),
            Err(e) => *seen.entry(e.code()).or_insert(0) += 1,
        }
    }
    let codes: Vec<&str> = seen.keys().copied().collect();
    for code in &codes {
        assert!(
            ["damaged", "not-a-pack", "bad-signature", "bad-signature-file", "unexpected-entry", "unknown-key"]
                .contains(code),
            "a changed byte gave {code}: {seen:?}"
        );
    }
    assert!(seen.get("damaged").copied().unwrap_or(0) > good.len() / 2, "{seen:?}");
}

/// `pack check`'s problems carry the file and line, for each shape of mistake.
#[test]
fn problems_name_file_and_line() {
    let problems = |f: PackFiles| check::check(&f, &app_ids()).iter().map(ToString::to_string).collect::<Vec<_>>();
    let replace = |path: &'static str, from: &'static str, to: &'static str| {
        files_with(move |m| {
            let text = m[path].clone();
            assert!(text.contains(from), "{from:?} not in {path}");
            m.insert(path.into(), text.replacen(from, to, 1));
        })
    };
    let json = |from: &'static str, to: &'static str| {
        let text = event_json(&[(from, to)]);
        files_with(move |m| drop(m.insert("event.json".into(), text)))
    };
    assert_eq!(problems(files_with(|_| ())), Vec::<String>::new());
    let en_lines = EN.lines().count();
    let cases: Vec<(&str, PackFiles, Vec<String>)> = vec![
        (
            "a message missing from one language: where the other has it",
            replace("locales/ru/event.ftl", "speaker-host = Ведущий\n", ""),
            vec!["locales/en/event.ftl:6: speaker-host is in en but not in ru".into()],
        ),
        (
            "a speaker's name missing from both: the speaker in event.json",
            files_with(|m| {
                for lang in ["en", "ru"] {
                    let path = format!("locales/{lang}/event.ftl");
                    let text: String = m[&path].lines().filter(|l| !l.starts_with("speaker-host")).map(|l| format!("{l}\n")).collect();
                    m.insert(path, text);
                }
            }),
            vec!["event.json:14: speaker-host is missing from locales/en and locales/ru: every language needs it for the speaker \"host\"".into()],
        ),
        (
            "a resource's title missing from both: the resource in event.json",
            files_with(|m| {
                m.insert("locales/en/event.ftl".into(), EN.replace("resource-guide = A **guide**\n    .description = About it\n", ""));
                m.insert("locales/ru/event.ftl".into(), RU.replace("resource-guide = **Руководство**\n    .description = О нём\n", ""));
            }),
            vec!["event.json:18: resource-guide is missing from locales/en and locales/ru: every language needs it for the resource \"guide\"".into()],
        ),
        (
            "a message every pack defines, missing from both: the end of each event.ftl",
            files_with(|m| {
                m.insert("locales/en/event.ftl".into(), EN.replace("concept-footnote = Note\n", ""));
                m.insert("locales/ru/event.ftl".into(), RU.replace("concept-footnote = Примечание\n", ""));
            }),
            vec![
                format!("locales/en/event.ftl:{}: concept-footnote is missing: every pack defines it (see docs/event-pack.md)", en_lines - 1),
                format!("locales/ru/event.ftl:{}: concept-footnote is missing: every pack defines it (see docs/event-pack.md)", en_lines - 1),
            ],
        ),
        (
            "a field event.json does not know: its name and line",
            json("\"version\": 1,", "\"version\": 1, \"sponsors\": [],"),
            vec!["event.json:4: sponsors: unknown field `sponsors`, expected one of `id`, `format`, `version`, `timezone`, `date`, `end_date`, `start`, `end`, `languages`, `interpretation`, `organiser`, `meeting`, `meetings`, `agenda`, `resources`".into()],
        ),
        (
            "a value of the wrong type",
            json("\"session\": 1,", "\"session\": \"one\","),
            vec!["event.json:15: agenda[1].session: invalid type: string \"one\", expected u8".into()],
        ),
        (
            "a speaker's flag of the wrong type: the speaker's field",
            json("{ \"id\": \"host\", \"tbc\": false }", "{ \"id\": \"host\", \"tbc\": \"yes\" }"),
            vec!["event.json:14: agenda[0].speakers[0].tbc: invalid type: string \"yes\", expected a boolean".into()],
        ),
        (
            "a field left out of a speaker",
            json("{ \"id\": \"host\", \"tbc\": false }", "{ \"id\": \"host\" }"),
            vec!["event.json:14: agenda[0].speakers[0]: missing field `tbc`".into()],
        ),
        (
            "JSON cut short",
            files_with(|m| drop(m.insert("event.json".into(), "{\n  \"id\": \"x\",\n".into()))),
            vec!["event.json:3: EOF while parsing a value".into()],
        ),
        (
            "an item that ends before it starts: the field's line",
            json("\"end\": \"12:00\", \"session\": 1", "\"end\": \"09:00\", \"session\": 1"),
            vec!["event.json:15: agenda[1].end: an item must end after it starts".into()],
        ),
        (
            "a Russian text left in English",
            files_with(|m| {
                m.insert("locales/en/event.ftl".into(), EN.replace("concept-p1 = Why", "concept-p1 = Why we meet"));
                m.insert("locales/ru/event.ftl".into(), RU.replace("concept-p1 = Зачем", "concept-p1 = Why we meet"));
            }),
            vec!["locales/ru/event.ftl:17: concept-p1 is the same in ru as in en: it is not translated".into()],
        ),
        (
            "a Russian text left in English but for case, spacing and a full stop",
            files_with(|m| {
                m.insert("locales/en/event.ftl".into(), EN.replace("concept-p1 = Why", "concept-p1 = Why we meet"));
                m.insert("locales/ru/event.ftl".into(), RU.replace("concept-p1 = Зачем", "concept-p1 = why  we Meet."));
            }),
            vec!["locales/ru/event.ftl:17: concept-p1 is the same in ru as in en: it is not translated".into()],
        ),
        (
            "an attribute left in English: the attribute's own line",
            replace("locales/ru/event.ftl", ".description = О нём", ".description = About it"),
            vec!["locales/ru/event.ftl:8: resource-guide.description is the same in ru as in en: it is not translated".into()],
        ),
        (
            "a message defined twice: the second one's line",
            files_with(|m| drop(m.insert("locales/en/event.ftl".into(), format!("{EN}agenda-opening-title = Again\n")))),
            vec![format!("locales/en/event.ftl:{}: agenda-opening-title is defined twice (first at locales/en/event.ftl:3)", en_lines + 1)],
        ),
        (
            "a gap in the numbered paragraphs, which would hide the ones after it",
            files_with(|m| {
                m.insert("locales/en/event.ftl".into(), format!("{EN}concept-p3 = More\n"));
                m.insert("locales/ru/event.ftl".into(), format!("{RU}concept-p3 = Ещё\n"));
            }),
            vec![
                format!("locales/en/event.ftl:{}: concept-p3 follows a gap: concept-p2 is missing in en, and the app shows concept-p1, concept-p2, … only up to the first gap", en_lines + 1),
                format!("locales/ru/event.ftl:{}: concept-p3 follows a gap: concept-p2 is missing in ru, and the app shows concept-p1, concept-p2, … only up to the first gap", en_lines + 1),
            ],
        ),
        (
            "a name that stays the same in both is no problem",
            files_with(|m| {
                m.insert("locales/en/event.ftl".into(), EN.replace("overview-where = Online", "overview-where = Zoom"));
                m.insert("locales/ru/event.ftl".into(), RU.replace("overview-where = Онлайн", "overview-where = Zoom"));
            }),
            vec![],
        ),
    ];
    for (what, files, want) in cases {
        assert_eq!(problems(files), want, "{what}");
    }
    let p = problems(files_with(|m| drop(m.insert("locales/en/event.ftl".into(), format!("{EN}\nx = {{ $y\n")))));
    assert!(p.iter().any(|l| l.starts_with("locales/en/event.ftl:24: Fluent syntax")), "{p:?}");
    let p = problems(files_with(|m| drop(m.insert("locales/en/event.ftl".into(), EN.replace("(guide)", "(gcm)")))));
    assert_eq!(
        p,
        vec!["locales/en/event.ftl:4: link target \"gcm\" is not a resource of this pack (or join)".to_owned()]
    );
}

#[test]
fn every_key_shipped_with_the_app_parses() {
    for (name, key) in trust::builtin_key_files() {
        assert!(key.is_ok(), "packs/trusted-keys/{name}: {:?}", key.err());
    }
    assert_eq!(trust::builtin_keys().len(), trust::builtin_key_files().len());
}

#[test]
fn the_built_in_pack_is_clean_and_is_the_embedded_event() {
    let pack = Pack::builtin();
    assert_eq!(pack.event, crate::Event::embedded());
    let l10n = pack.localizer();
    assert_eq!(
        l10n.text(crate::Lang::En, "agenda-opening-title"),
        crate::Localizer::embedded().text(crate::Lang::En, "agenda-opening-title")
    );
}
