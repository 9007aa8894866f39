//! Event packs in the real window: a `.gcmpack` opened as a double-click opens it (the app started with the file),
//! the new event in every view in both languages, the Workshops view switching to the 2023 workshop and back, and
//! a newer version listing what changed. The key is made with Debian's `minisign` as the test runs and installed
//! as IT would (`GCM_WORKSHOP_MACHINE_KEYS`); the packs are built with `gcm-workshop pack build`.

use crate::harness::{app_binary, Options, Result, Session};
use crate::{english, show};
use std::path::{Path, PathBuf};
use std::process::Command;

const TRAINING: &str = "rtcm-migration-data-2027-03-16";
const WORKSHOP: &str = "gcm-almaty-process-2023-12-05";
/// Two weeks before the training: it is upcoming, the 2023 workshop is past.
const BEFORE_THE_TRAINING: &str = "2027-03-01T09:00:00Z";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/packs/rtcm-migration-data-2027")
}

/// The organisers' side: a minisign key (public half in `keys/`), version 1 of the training, and version 2 with a
/// speaker confirmed and an item moved.
struct Organiser {
    dir: tempfile::TempDir,
}

impl Organiser {
    fn new() -> Organiser {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("keys")).unwrap();
        let (public, _) = gcm_workshop_tests::minisign_keys(dir.path(), "pw");
        std::fs::rename(public, dir.path().join("keys/organiser.pub")).unwrap();
        Organiser { dir }
    }

    fn keys(&self) -> PathBuf {
        self.dir.path().join("keys")
    }

    fn build(&self, src: &Path, name: &str) -> PathBuf {
        let out = self.dir.path().join(name);
        let run = Command::new(app_binary().unwrap())
            .args(["pack", "build"])
            .arg(src)
            .arg("--out")
            .arg(&out)
            .arg("--sign")
            .arg(self.dir.path().join("organiser.key"))
            .env("MINISIGN_PASSWORD", "pw")
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        out
    }

    fn version_2(&self) -> PathBuf {
        let src = self.dir.path().join("v2");
        gcm_workshop_tests::copy_tree(&fixture(), &src);
        let json = std::fs::read_to_string(src.join("event.json")).unwrap();
        let json = json
            .replace("\"version\": 1", "\"version\": 2")
            .replace("{ \"id\": \"statistician\", \"tbc\": true }", "{ \"id\": \"statistician\", \"tbc\": false }")
            .replace("\"id\": \"policy\", \"start\": \"11:00\"", "\"id\": \"policy\", \"start\": \"11:05\"");
        std::fs::write(src.join("event.json"), json).unwrap();
        self.build(&src, "v2.gcmpack")
    }
}

/// A participant's computer: settings and installed packs kept across restarts, the organisers' key installed.
fn participant(org: &Organiser, home: &Path, pack: &Path) -> Options {
    english()
        .env("GCM_WORKSHOP_NOW", BEFORE_THE_TRAINING)
        .env("XDG_DATA_HOME", home.join("data").display().to_string())
        .env("GCM_WORKSHOP_MACHINE_KEYS", org.keys().display().to_string())
        .config_home(home.join("config"))
        .arg(pack.display().to_string())
}

/// The text of `view`'s main area, once shown.
async fn view_text(s: &Session, view: &str) -> Result<String> {
    show(s, view).await?;
    s.settle().await?;
    s.text("main#main").await
}

#[tokio::test]
async fn a_pack_opened_by_double_click_becomes_the_event_in_every_view_and_the_workshops_view_switches() -> Result<()> {
    let org = Organiser::new();
    let v1 = org.build(&fixture(), "v1.gcmpack");
    let home = tempfile::tempdir()?;
    std::fs::create_dir_all(home.path().join("config"))?;

    let s = Session::start(participant(&org, home.path(), &v1)).await?;
    s.wait_text_contains("main#main h1", "Training on migration data for policy makers").await?;
    // Before the training the join panel comes before its facts.
    let join_first = "const j = document.getElementById('join'); const f = document.querySelector('dl.facts');
        return !!(j && f && (j.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING));";
    assert_eq!(s.js(join_first).await?, serde_json::Value::Bool(true), "the upcoming event's join panel comes first");
    let notice = s.wait_text_contains("#alerts .alert-notice", "Installed “Training on migration data").await?;
    assert!(notice.contains("a key installed on this computer by its administrators"), "{notice}");
    s.screenshot("en-pack-opened").await?;
    // Two days on the Overview, a line each with that day's hours.
    assert_eq!(s.count("#event-days li").await?, 2);
    let days = s.text("#event-days").await?;
    assert!(days.contains("16 March 2027: Bishkek time 09:30–12:30"), "{days}");
    assert!(days.contains("17 March 2027: Bishkek time 09:30–11:30"), "{days}");

    // Every view is the training's, in English, then in Russian.
    let agenda = view_text(&s, "agenda").await?;
    assert!(agenda.contains("Sources of migration data") && agenda.contains("Bishkek time"), "{agenda}");
    // Two days, each under its heading.
    assert_eq!(s.count("tr.agenda-day").await?, 2);
    assert!(agenda.contains("Tuesday, 16 March 2027") && agenda.contains("Wednesday, 17 March 2027"), "{agenda}");
    s.screenshot("en-pack-agenda-two-days").await?;
    assert!(view_text(&s, "concept").await?.contains("Good policy needs good data"));
    assert!(view_text(&s, "resources").await?.contains("World Migration Report"));
    let events = view_text(&s, "events").await?;
    assert!(events.contains("Workshop on the Global Compact") && events.contains("Built into the app"), "{events}");
    assert_eq!(s.ids("li.event-entry").await?, [format!("event-{WORKSHOP}"), format!("event-{TRAINING}")]);
    assert_eq!(s.ids("li.event-entry.shown").await?, [format!("event-{TRAINING}")]);
    s.screenshot("en-workshops").await?;
    s.click("button[data-lang=\"ru\"]").await?;
    s.wait_lang("ru").await?;
    s.wait_text_contains("main#main h1", "Семинары и тренинги").await?;
    // The notice still open follows the language.
    let notice = s.wait_text_contains("#alerts .alert-notice", "Установлено: «Тренинг по данным о миграции").await?;
    assert!(notice.contains("ключ, установленный на этот компьютер администраторами"), "{notice}");
    s.screenshot("ru-workshops").await?;
    let agenda = view_text(&s, "agenda").await?;
    assert!(agenda.contains("Источники данных о миграции") && agenda.contains("Время в Бишкеке"), "{agenda}");
    assert!(view_text(&s, "concept").await?.contains("Хорошей политике нужны хорошие данные"));
    assert!(view_text(&s, "resources").await?.contains("Доклад о миграции в мире"));
    s.screenshot("ru-pack-resources").await?;

    // Switch to the 2023 workshop and back.
    show(&s, "events").await?;
    s.click(&format!("button.show-event[data-event=\"{WORKSHOP}\"]")).await?;
    s.wait_text_contains("main#main h1", "Глобальному договору").await?;
    s.wait_view("overview").await?;
    // The 2023 workshop is over: its materials come first, the join panel last.
    let join_after_aims = "const j = document.getElementById('join');
        const a = document.querySelector('section[aria-labelledby=\"aims-heading\"]');
        return !!(j && a && (a.compareDocumentPosition(j) & Node.DOCUMENT_POSITION_FOLLOWING));";
    assert_eq!(s.js(join_after_aims).await?, serde_json::Value::Bool(true), "the past event's join panel comes last");
    assert!(view_text(&s, "agenda").await?.contains("Время в Баку"));
    show(&s, "events").await?;
    assert_eq!(s.ids("li.event-entry.shown").await?, [format!("event-{WORKSHOP}")]);
    s.click(&format!("button.show-event[data-event=\"{TRAINING}\"]")).await?;
    s.wait_text_contains("main#main h1", "Тренинг по данным о миграции").await?;
    s.close().await?;

    // Version 2, opened the same way: what changed is said; the choice and the packs are kept.
    let v2 = org.version_2();
    let s = Session::start(participant(&org, home.path(), &v2)).await?;
    let notice = s.wait_text_contains("#alerts .alert-notice", "2").await?;
    assert!(notice.contains("Обновлено") || notice.contains("Updated"), "{notice}");
    assert!(notice.contains("Представитель национального статистического ведомства"), "{notice}");
    assert!(notice.contains("11:05–12:10"), "{notice}");
    s.screenshot("ru-pack-updated").await?;
    s.close().await?;
    Ok(())
}
