//! Component tests: the real Yew app rendered in headless Chromium by
//! wasm-bindgen-test-runner. Run with `scripts/test` (or
//! `cargo test --target wasm32-unknown-unknown --test components` with the runner set).
#![cfg(target_arch = "wasm32")]

use dm_doctor::app::App;
use dm_doctor::content::{content, DeviceFamily};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The English pack as the build wrote it: the app core has no words of its own, so
/// the tests show English as the app shows a loaded pack.
const ENGLISH_PACK: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/packs/en.bin"));

fn show_english() {
    use dm_doctor::content::{show, Words};
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let words = Words::from_pack("en", ENGLISH_PACK).expect("the English pack fits this core");
        show(Box::leak(Box::new(words)));
    });
}

/// Renders the whole app at `hash` into a fresh element; returns the element and the
/// handle that unmounts it.
async fn render_at(hash: &str) -> (Element, yew::AppHandle<App>) {
    show_english();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    (root, handle)
}

/// Waits one browser task (10 ms), so queued events such as `hashchange` are delivered.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Navigation goes through the address (`hashchange` is a task of its own), so after an
/// action that moves, let tasks run and Yew render until `ready` holds, for at most a
/// second. Callers assert afterwards, so a change that never comes still fails.
async fn settle_until(ready: impl Fn() -> bool) {
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if ready() {
            return;
        }
        next_task().await;
    }
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn cleanup(root: Element, handle: yew::AppHandle<App>) {
    handle.destroy();
    root.remove();
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear();
}

#[wasm_bindgen_test]
async fn home_lists_every_symptom_from_the_content() {
    let (root, handle) = render_at("#/").await;
    assert_eq!(text(&root, "main h1"), "What's going wrong?");
    assert_eq!(
        count(&root, "main ul.cards a.card") as usize,
        content().symptoms.len()
    );
    for symptom in &content().symptoms {
        let link = format!("main a[href$='#/check/start/{}']", symptom.id);
        let card = text(&root, &link);
        assert!(card.contains(&symptom.title), "{}", symptom.id);
        assert!(card.contains(&symptom.summary), "{}", symptom.id);
    }
    cleanup(root, handle);
}

#[wasm_bindgen_test]
async fn guide_search_updates_results_as_the_user_types() {
    let (root, handle) = render_at("#/guide").await;
    // One folded section per problem, holding its causes and their fixes.
    let sections = dm_doctor::content::guide::sections(content());
    assert_eq!(
        count(&root, "main details.guide-section:not([open])") as usize,
        sections.len()
    );
    let all = count(&root, "main a.card");
    assert_eq!(
        all as usize,
        sections
            .iter()
            .map(|s| s.causes.len() + s.fixes.len())
            .sum::<usize>()
    );

    let input: HtmlInputElement = root
        .query_selector("#guide-search")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("private dns");
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    settle_until(|| count(&root, "main a.card") < all).await;

    let titles: Vec<String> = {
        let nodes = root.query_selector_all("main a.card .card-title").unwrap();
        (0..nodes.length())
            .map(|i| nodes.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    let wanted = &content().fix("turn-off-private-dns").unwrap().title;
    assert!(titles.contains(wanted), "{titles:?}");
    assert!((titles.len() as u32) < all, "search narrows the list");
    assert!(text(&root, "main .result-count").contains("private dns"));
    cleanup(root, handle);
}

#[wasm_bindgen_test]
async fn picking_a_phone_changes_the_steps() {
    let (root, handle) = render_at("#/guide/fix/clear-cache-android").await;
    let fix = content().fix("clear-cache-android").unwrap();
    let stock = text(&root, "main ol.steps");
    let samsung: HtmlElement = root
        .query_selector("input[value='samsung']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    samsung.click();
    yew::scheduler::flush().await;
    let after = text(&root, "main ol.steps");
    assert_ne!(stock, after);
    let expected: String = fix
        .steps
        .iter()
        .map(|s| s.for_device(DeviceFamily::Samsung))
        .collect();
    assert_eq!(after, expected);
    // The choice is saved for next time.
    let saved = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("dm-doctor.device")
        .unwrap();
    assert_eq!(saved.as_deref(), Some("samsung"));
    cleanup(root, handle);
}

#[wasm_bindgen_test]
async fn a_cause_lists_its_fixes_in_order() {
    let (root, handle) = render_at("#/guide/cause/vpn-or-region").await;
    let cause = content().cause("vpn-or-region").unwrap();
    assert_eq!(text(&root, "main h1"), cause.title);
    let nodes = root
        .query_selector_all("main ol.cards .card-title")
        .unwrap();
    let shown: Vec<String> = (0..nodes.length())
        .map(|i| nodes.item(i).unwrap().text_content().unwrap())
        .collect();
    let expected: Vec<String> = cause
        .fixes
        .iter()
        .map(|id| content().fix(id).unwrap().title.clone())
        .collect();
    assert_eq!(shown, expected);
    cleanup(root, handle);
}

#[wasm_bindgen_test]
async fn unknown_routes_and_ids_show_a_way_home() {
    for hash in [
        "#/no/such/page",
        "#/guide/fix/not-a-fix",
        "#/check/start/not-a-symptom",
    ] {
        let (root, handle) = render_at(hash).await;
        assert_eq!(text(&root, "main h1"), "We can't find that page", "{hash}");
        assert_eq!(count(&root, "main a[href$='#/']"), 1, "{hash}");
        cleanup(root, handle);
    }
}

#[wasm_bindgen_test]
async fn a_symptom_starts_a_check_with_a_question_and_not_sure() {
    let (root, handle) = render_at("#/check/start/send-fails-everyone").await;
    settle_until(|| count(&root, "main .answers button") > 0).await;
    let buttons = root.query_selector_all("main .answers button").unwrap();
    assert!(buttons.length() >= 3, "at least two answers and Not sure");
    let last = buttons
        .item(buttons.length() - 1)
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(last, "Not sure");
    let question = text(&root, "main h1");
    assert!(
        content().questions.iter().any(|q| q.text == question),
        "{question}"
    );
    let saved = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("dm-doctor.check")
        .unwrap();
    match dm_doctor::diagnosis::saved::decode(saved.as_deref(), content()) {
        dm_doctor::diagnosis::saved::Loaded::Found(check) => {
            assert_eq!(check.symptom, "send-fails-everyone")
        }
        other => panic!("the new check is saved at once: {other:?}"),
    }
    cleanup(root, handle);
}

#[wasm_bindgen_test]
async fn corrupt_saved_phone_choice_is_ignored() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("dm-doctor.device", "{not json").unwrap();
    let (root, handle) = render_at("#/guide/fix/clear-cache-android").await;
    // Headless desktop Chromium reveals no phone, so the unreadable choice falls back to
    // the default family rather than to anything made up.
    let checked = root
        .query_selector("input[name='device']:checked")
        .unwrap()
        .unwrap();
    assert_eq!(
        checked.get_attribute("value").as_deref(),
        Some(DeviceFamily::default().key())
    );
    assert_eq!(
        count(&root, "main ol.steps li") as usize,
        content().fix("clear-cache-android").unwrap().steps.len()
    );
    cleanup(root, handle);
}

/// A browser may resolve `register()` while the new version's worker is still installing
/// (the spec allows it; Chromium waits for the install, so the e2e tests can't reach
/// this). The update offer must follow that worker, and stop once its owner is gone.
#[wasm_bindgen_test]
async fn an_update_still_installing_when_registration_resolves_is_offered_once_installed() {
    // A fake container: a controller (so a new worker is an update) and a registration
    // whose new worker is installing when register() resolves.
    let worker = js_sys::Function::new_no_args(
        r#"
        const worker = new EventTarget();
        worker.state = "installing";
        const registration = new EventTarget();
        Object.assign(registration, { installing: worker, waiting: null, active: {} });
        const container = new EventTarget();
        Object.assign(container, { controller: {}, register: () => Promise.resolve(registration), ready: Promise.resolve(registration) });
        Object.defineProperty(navigator, "serviceWorker", { value: container, configurable: true });
        return worker;
        "#,
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let set_state = js_sys::Function::new_with_args(
        "worker, state",
        "worker.state = state; worker.dispatchEvent(new Event('statechange'));",
    );
    let offered = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = offered.clone();
    let offline_ready = std::rc::Rc::new(std::cell::Cell::new(None));
    let offline = offline_ready.clone();
    let listeners = dm_doctor::platform::pwa::register_service_worker(
        move || counter.set(counter.get() + 1),
        move |ready| offline.set(Some(ready)),
    );
    next_task().await; // register() resolves
    next_task().await; // and so does `ready`
    set_state
        .call2(&wasm_bindgen::JsValue::NULL, &worker, &"installed".into())
        .unwrap();
    let after_install = offered.get();
    drop(listeners);
    set_state
        .call2(&wasm_bindgen::JsValue::NULL, &worker, &"installed".into())
        .unwrap();
    let after_drop = offered.get();
    // Back to the browser's own container before asserting.
    js_sys::Reflect::delete_property(
        &web_sys::window().unwrap().navigator(),
        &"serviceWorker".into(),
    )
    .unwrap();
    assert_eq!(
        offline_ready.get(),
        Some(true),
        "an active worker: ready for offline use"
    );
    assert_eq!(after_install, 1, "the installed update is offered");
    assert_eq!(after_drop, 1, "listeners are removed with their owner");
}

/// The static first screen `index.html` shows before the app starts (build.rs writes it,
/// every language's copy, `<dm-first lang>`).
const FIRST_SCREEN: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/target/packs/first-screen.html"
));

/// An element's tree as text: tags, the attributes that matter to layout and use, and
/// each element's own text. Leaves out what only the app can know: the online badge's
/// answer, the install card, the language picker, the in-app browser's line.
fn shape(element: &Element) -> String {
    let class = element.get_attribute("class").unwrap_or_default();
    // (`dm-in-app`: the static line for an app's built-in browser, filled in by the head
    // script; the test browser is none. The e2e tests compare it with the app's.)
    if element.tag_name().eq_ignore_ascii_case("dm-in-app")
        || ["net", "install", "language"]
            .iter()
            .any(|skipped| class.split(' ').any(|c| c == *skipped))
    {
        return String::new();
    }
    let mut out = format!("<{}", element.tag_name().to_lowercase());
    for name in [
        "class",
        "href",
        "aria-current",
        "aria-label",
        "tabindex",
        "src",
        "alt",
        "width",
        "height",
    ] {
        if let Some(value) = element.get_attribute(name) {
            out += &format!(" {name}={value:?}");
        }
    }
    out += ">";
    // The element's own text: its whole text, each child's taken out.
    let mut own = element.text_content().unwrap_or_default();
    let mut child = element.first_element_child();
    while let Some(el) = child {
        out += &shape(&el);
        own = own.replacen(&el.text_content().unwrap_or_default(), "", 1);
        child = el.next_element_sibling();
    }
    out + &format!("{own:?}</>")
}

#[wasm_bindgen_test]
async fn the_static_first_screen_is_the_apps_home_in_every_language() {
    use dm_doctor::content::{show, Words};
    let packs: [(&str, &[u8]); 4] = [
        ("en", ENGLISH_PACK),
        (
            "es",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/packs/es.bin")),
        ),
        (
            "pt-BR",
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/target/packs/pt-BR.bin"
            )),
        ),
        (
            "id",
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/target/packs/id.bin")),
        ),
    ];
    let offered: Vec<&str> = dm_doctor::language::offered().map(|l| l.code).collect();
    assert_eq!(
        packs.iter().map(|(code, _)| *code).collect::<Vec<_>>(),
        offered,
        "every language the app offers is compared"
    );
    let first = document().create_element("div").unwrap();
    first.set_inner_html(FIRST_SCREEN);
    for (code, pack) in packs {
        let words = Words::from_pack(code, pack).expect("the pack fits this core");
        show(Box::leak(Box::new(words)));
        let (root, handle) = render_at("#/").await;
        let copy = first
            .query_selector(&format!("dm-first[lang='{code}']"))
            .unwrap()
            .unwrap_or_else(|| panic!("no static copy for {code}"));
        for part in ["header", "main"] {
            let app = root.query_selector(part).unwrap().unwrap();
            let static_part = copy.query_selector(part).unwrap().unwrap();
            assert_eq!(
                shape(&static_part),
                shape(&app),
                "{code}: the static first screen's {part} is the app's"
            );
        }
        cleanup(root, handle);
    }
    show_english_again();
}

/// Shows English after a test that showed another language.
fn show_english_again() {
    use dm_doctor::content::{show, Words};
    let words = Words::from_pack("en", ENGLISH_PACK).expect("the English pack fits this core");
    show(Box::leak(Box::new(words)));
}
