//! The content model: everything DM Doctor knows, as plain data.
//!
//! The text itself lives in `content/*.toml` (human-editable); `build.rs` reads those
//! files into these types, checks them with [`super::validate`], and embeds them as postcard bytes.
//! This file is also compiled into `build.rs`, so it may depend on serde only.

use serde::{Deserialize, Serialize};

/// The whole knowledge base.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    #[serde(default, rename = "symptom")]
    pub symptoms: Vec<Symptom>,
    #[serde(default, rename = "cause")]
    pub causes: Vec<Cause>,
    #[serde(default, rename = "fix")]
    pub fixes: Vec<Fix>,
    /// "Add to Home screen" steps for browsers that offer no install prompt.
    #[serde(default, rename = "install")]
    pub install_guides: Vec<InstallGuide>,
    /// How to leave an app's built-in browser (TikTok's, Instagram's...) for the
    /// phone's own browser, where DM Doctor can be installed and work offline.
    #[serde(default)]
    pub open_in_browser: Vec<String>,
    /// Diagnosis questions; the engine picks which to ask.
    #[serde(default, rename = "question")]
    pub questions: Vec<Question>,
    /// The connection test's probe targets.
    #[serde(default, rename = "probe")]
    pub probes: Vec<Probe>,
    /// The names of the probe groups.
    #[serde(default, rename = "group")]
    pub groups: Vec<GroupText>,
    /// What each connection verdict means and what to do.
    #[serde(default, rename = "verdict")]
    pub verdicts: Vec<VerdictText>,
    /// Plain text pages such as About and privacy.
    #[serde(default, rename = "page")]
    pub pages: Vec<Page>,
}

/// A page of prose split into headed sections.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub title: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

/// One question of the guided check. Every question also offers "Not sure"
/// ([`NOT_SURE`]), which is added by the app and counts as no evidence.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// The question as the user reads it.
    pub text: String,
    /// The "Why we ask" text.
    pub why: String,
    /// Symptoms for which the question makes sense; empty means all.
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// Ask only when at least one of these [conditions](condition_holds) holds (empty:
    /// always), e.g. `["warnings=warned"]`.
    #[serde(default)]
    pub only_if: Vec<String>,
    /// Never ask when one of these [conditions](condition_holds) holds, e.g. an earlier
    /// answer or the symptom already answers it: `["age=18-plus"]`.
    #[serde(default)]
    pub skip_if: Vec<String>,
    pub answers: Vec<Answer>,
}

/// The id of the "Not sure" answer every question has.
pub const NOT_SURE: &str = "not-sure";

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub id: String,
    /// The button label.
    pub label: String,
    /// The answer in the user's own words, for "why we think so" and the report
    /// (e.g. "It fails with everyone.").
    pub said: String,
    /// Points for (positive) or against (negative) each cause, by cause id. Each point
    /// doubles (or halves) the odds of that cause.
    #[serde(default)]
    pub evidence: Evidence,
}

/// Points for or against causes, by cause id: `{ cause-id = points }` in TOML. A short
/// list rather than a map: an answer names a handful of causes, and the wasm then
/// carries no map code (the size budget).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evidence(pub Vec<(String, i32)>);

impl Evidence {
    /// The points for this cause, if any.
    pub fn get(&self, cause: &str) -> Option<&i32> {
        self.0.iter().find(|(c, _)| c == cause).map(|(_, w)| w)
    }

    pub fn values(&self) -> impl Iterator<Item = &i32> {
        self.0.iter().map(|(_, w)| w)
    }

    pub fn iter(&self) -> EvidenceIter<'_> {
        self.0.iter().map(|(c, w)| (c, w))
    }

    /// Sets the points for a cause; returns the old points, if any.
    pub fn insert(&mut self, cause: String, points: i32) -> Option<i32> {
        match self.0.iter_mut().find(|(c, _)| *c == cause) {
            Some(entry) => Some(std::mem::replace(&mut entry.1, points)),
            None => {
                self.0.push((cause, points));
                None
            }
        }
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The iterator of [`Evidence::iter`]: (cause id, points).
pub type EvidenceIter<'a> = std::iter::Map<
    std::slice::Iter<'a, (String, i32)>,
    fn(&'a (String, i32)) -> (&'a String, &'a i32),
>;

impl<'a> IntoIterator for &'a Evidence {
    type Item = (&'a String, &'a i32);
    type IntoIter = EvidenceIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<const N: usize> From<[(String, i32); N]> for Evidence {
    fn from(entries: [(String, i32); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl FromIterator<(String, i32)> for Evidence {
    fn from_iter<I: IntoIterator<Item = (String, i32)>>(entries: I) -> Self {
        let mut evidence = Evidence::default();
        for (cause, points) in entries {
            evidence.insert(cause, points);
        }
        evidence
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(c, w)| (c, w)))
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = Evidence;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table of cause ids and points")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<Evidence, M::Error> {
                // A TOML table has no repeated keys; postcard's map is written from one.
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, i32>()? {
                    entries.push(entry);
                }
                Ok(Evidence(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// Which group of hosts a probe belongs to (`group = "own-site"` and so on in
/// `content/connection.toml`). Each TikTok group is a part of TikTok a network can block
/// on its own. Stored in saved test runs by index: variants may only be appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    /// A path on the site DM Doctor is served from.
    OwnSite,
    /// Big, independent, always-on sites (https URLs; their origins must be in the CSP).
    Internet,
    /// TikTok's website (https URLs; their origins must be in the CSP, as for every
    /// group below).
    #[serde(rename = "tiktok")]
    TikTok,
    /// The servers that deliver TikTok's videos and images.
    #[serde(rename = "tiktok-video")]
    TikTokVideo,
    /// The servers TikTok's messages go through.
    #[serde(rename = "tiktok-messages")]
    TikTokMessages,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Self::OwnSite,
        Self::Internet,
        Self::TikTok,
        Self::TikTokVideo,
        Self::TikTokMessages,
    ];
    /// The parts of TikTok: each must answer for a network to be fine for TikTok.
    pub const TIKTOK: [Group; 3] = [Self::TikTok, Self::TikTokVideo, Self::TikTokMessages];

    pub fn is_tiktok(self) -> bool {
        Self::TIKTOK.contains(&self)
    }
}

/// A host the connection test contacts.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Probe {
    pub group: Group,
    pub url: String,
    /// False for a host not confirmed to answer on every network (seen in public code,
    /// never tried from here): its failure is shown, but weighs nothing unless a
    /// confirmed host of the same group fails too.
    #[serde(default = "confirmed")]
    pub confirmed: bool,
}

fn confirmed() -> bool {
    true
}

impl Probe {
    /// The host part of an outside probe's URL ("www.tiktok.com"), shown so people know
    /// exactly what is contacted; an own-site probe's path as it is ("probe.txt").
    pub fn host(&self) -> &str {
        let rest = self.url.strip_prefix("https://").unwrap_or(&self.url);
        rest.split('/').next().unwrap_or(rest)
    }
}

/// What a probe group is called on screen ("TikTok's message servers").
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GroupText {
    pub id: Group,
    pub name: String,
}

/// Text and evidence for one connection verdict (`id` is a `VerdictKind` id).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictText {
    pub id: String,
    pub title: String,
    pub explanation: String,
    pub next_steps: Vec<String>,
    /// Guide fixes that match this verdict.
    pub fixes: Vec<String>,
    /// Points for or against causes, like an answer's.
    #[serde(default)]
    pub evidence: Evidence,
}

/// Manual install steps for one browser.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InstallGuide {
    pub browser: String,
    pub steps: Vec<String>,
}

/// The longest a symptom's summary may be, in characters: one line on most phones.
pub const SYMPTOM_SUMMARY_MAX: usize = 40;

/// What the user sees going wrong; the entry point of every check.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Symptom {
    pub id: String,
    pub title: String,
    /// One short line under the title on home, so every symptom fits on the first
    /// screen of a phone (at most [`SYMPTOM_SUMMARY_MAX`] characters).
    pub summary: String,
    /// The longer description, on the check's first screen.
    pub detail: String,
    /// Causes that can produce this symptom, most typical first.
    pub causes: Vec<String>,
}

/// A reason DMs can fail.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cause {
    pub id: String,
    pub title: String,
    /// One sentence shown in lists.
    pub summary: String,
    /// Paragraphs explaining the cause in plain words.
    pub explanation: Vec<String>,
    /// Signs that point to this cause ("You may have this if ...").
    #[serde(default)]
    pub signs: Vec<String>,
    /// Fixes that address this cause, in the order to try them.
    pub fixes: Vec<String>,
    /// Seed topics this entry covers (see `validate::SEED_TOPICS`).
    #[serde(default)]
    pub topics: Vec<String>,
    /// Extra words people search for (e.g. "red exclamation").
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Set for a built-in rule that TikTok's support can't change (e.g. no messages under
    /// 16): what support can't change, in plain words. Such a cause's fixes don't include
    /// `report-problem`; its last fix is an explain step ([`StepKind::Explain`]).
    #[serde(default)]
    pub support_cant_change: Option<String>,
}

/// Something the user can do.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fix {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub effort: Effort,
    /// What the step asks of the person in a plan (`kind = "check"`; default `fix`).
    #[serde(default)]
    pub kind: StepKind,
    /// A check step's question ("Are others having the same problem?").
    #[serde(default)]
    pub question: Option<String>,
    /// A check step's answers, each with where it leads.
    #[serde(default)]
    pub answers: Vec<CheckAnswer>,
    /// An explain step's ending: what the person can do instead, in one or two sentences.
    #[serde(default)]
    pub instead: Option<String>,
    pub steps: Vec<Step>,
    /// Things to know before starting (e.g. "reinstalling deletes drafts").
    #[serde(default)]
    pub warnings: Vec<String>,
    /// True when the taps follow TikTok's menus, which move between app versions.
    #[serde(default)]
    pub menus_may_differ: bool,
    /// One line on how to avoid the problem next time.
    #[serde(default)]
    pub prevention: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// One-tap outside links (the Play Store listing, TikTok on the web), shown as
    /// buttons that open in a new tab so the check stays where it is. Only addresses
    /// that pass [`is_allowed_link`].
    #[serde(default)]
    pub links: Vec<Link>,
    /// In a plan only when at least one of these [conditions](condition_holds) holds
    /// (empty: always), e.g. `["vpn-needed=needs-vpn"]`.
    #[serde(default)]
    pub only_if: Vec<String>,
    /// Never in a plan when one of these [conditions](condition_holds) holds, e.g.
    /// `["who-fails=everyone"]` for a fix about one person.
    #[serde(default)]
    pub skip_if: Vec<String>,
}

/// What a plan step asks of the person, so each step ends with a question that fits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    /// Something to do, then "Did this fix it?".
    #[default]
    Fix,
    /// Something to find out: asks its own `question`; each answer leads somewhere.
    Check,
    /// Waiting it out (a limit, an outage): the person can save their place.
    Wait,
    /// A rule nothing on the phone changes: what it is and what to do `instead`. It only
    /// ends a plan, and its ending never says "working again".
    Explain,
}

/// One answer of a check step.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckAnswer {
    /// The button label ("Yes, others too").
    pub label: String,
    /// Where it leads: [`NEXT_STEP`] (on with the plan), or a fix id that comes next.
    pub then: String,
}

/// The `then` of a check answer that goes on with the plan.
pub const NEXT_STEP: &str = "next";

impl CheckAnswer {
    /// The fix this answer leads to, if it doesn't just go on with the plan.
    pub fn leads_to(&self) -> Option<&str> {
        (self.then != NEXT_STEP).then_some(self.then.as_str())
    }
}

/// The pseudo question id of a condition on the check's symptom: `"symptom=messages-late"`.
pub const SYMPTOM_CONDITION: &str = "symptom";

/// Splits a condition `"question=answer|answer"` into the question id and its answers.
pub fn parse_condition(condition: &str) -> Option<(&str, impl Iterator<Item = &str>)> {
    let (question, answers) = condition.split_once('=')?;
    Some((question.trim(), answers.split('|').map(str::trim)))
}

/// True when the condition `"question=a|b"` holds: the person gave one of those answers
/// to that question (`"symptom=..."` tests the symptom). An unasked question holds
/// nothing; "Not sure" holds only where a condition names `not-sure`.
pub fn condition_holds<'a>(
    condition: &str,
    symptom: &str,
    answer_of: &dyn Fn(&str) -> Option<&'a str>,
) -> bool {
    let Some((question, mut answers)) = parse_condition(condition) else {
        return false;
    };
    let given = if question == SYMPTOM_CONDITION {
        Some(symptom)
    } else {
        answer_of(question)
    };
    given.is_some_and(|g| answers.any(|a| a == g))
}

/// True when `only_if` (any) and `skip_if` (none) allow it.
pub fn conditions_allow<'a>(
    only_if: &[String],
    skip_if: &[String],
    symptom: &str,
    answer_of: &dyn Fn(&str) -> Option<&'a str>,
) -> bool {
    (only_if.is_empty()
        || only_if
            .iter()
            .any(|c| condition_holds(c, symptom, answer_of)))
        && !skip_if
            .iter()
            .any(|c| condition_holds(c, symptom, answer_of))
}

/// A button that opens an outside page, e.g. TikTok's Play Store listing.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The button text ("Open TikTok in the Play Store").
    pub label: String,
    pub url: String,
}

/// Play Store packages a link may open: TikTok and TikTok Lite.
pub const PLAY_STORE_PACKAGES: &[&str] =
    &["com.zhiliaoapp.musically", "com.zhiliaoapp.musically.go"];
const PLAY_STORE_LISTING: &str = "https://play.google.com/store/apps/details?id=";
const TIKTOK_WEB: &str = "https://www.tiktok.com/";

/// True for the only outside addresses fixes may link to: a Play Store listing of
/// TikTok or TikTok Lite (`https://play.google.com/store/apps/details?id=PACKAGE`, no
/// other parameters), or a plain page on `https://www.tiktok.com/` (letters, digits,
/// `/`, `-`, `_` and `.` in the path; no query, fragment or login in the address).
pub fn is_allowed_link(url: &str) -> bool {
    if let Some(package) = url.strip_prefix(PLAY_STORE_LISTING) {
        return PLAY_STORE_PACKAGES.contains(&package);
    }
    url.strip_prefix(TIKTOK_WEB).is_some_and(|path| {
        !path.contains("..")
            && path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_' | '.'))
    })
}

/// The strongest confidence among the sources, or None without sources.
pub fn best_confidence(sources: &[Source]) -> Option<Confidence> {
    let strength = |c: Confidence| match c {
        Confidence::Official => 2,
        Confidence::Secondary => 1,
        Confidence::Unverified => 0,
    };
    sources
        .iter()
        .map(|s| s.confidence)
        .max_by_key(|c| strength(*c))
}

/// The gentle "may differ" note a cause or fix is shown with (its words are screen texts,
/// in every language: `hedge_unverified`, `hedge_tiktok_menus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// The best source is only common advice.
    Unverified,
    /// The taps follow TikTok's own menus, which move now and then.
    TikTokMenus,
}

impl Cause {
    /// True when the best source is only `unverified`: the app shows [`Cause::hedge`].
    pub fn needs_hedge(&self) -> bool {
        best_confidence(&self.sources) == Some(Confidence::Unverified)
    }

    /// The gentle "may differ" note to show with this cause, if any.
    pub fn hedge(&self) -> Option<Hedge> {
        self.needs_hedge().then_some(Hedge::Unverified)
    }
}

impl Fix {
    /// The fixes this check step's answers lead to (none for other kinds): a plan
    /// reaches them through the check, not on their own.
    pub fn leads_to(&self) -> impl Iterator<Item = &str> {
        self.answers.iter().filter_map(CheckAnswer::leads_to)
    }

    /// True when the steps follow TikTok's menus (`menus_may_differ`) or the best source
    /// is only `unverified`: the app shows [`Fix::hedge`].
    pub fn needs_hedge(&self) -> bool {
        self.hedge().is_some()
    }

    /// The gentle "may differ" note to show with this fix, if any.
    pub fn hedge(&self) -> Option<Hedge> {
        if best_confidence(&self.sources) == Some(Confidence::Unverified) {
            Some(Hedge::Unverified)
        } else if self.menus_may_differ {
            Some(Hedge::TikTokMenus)
        } else {
            None
        }
    }
}

/// One instruction. `text` is for stock Android / Pixel (and any phone where the taps
/// are the same); `samsung` and `xiaomi` replace it on those phones when the taps differ.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub text: String,
    #[serde(default)]
    pub samsung: Option<String>,
    #[serde(default)]
    pub xiaomi: Option<String>,
}

/// The phone families whose settings menus we describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeviceFamily {
    /// Google Pixel and phones close to stock Android (Motorola, Nokia, ...).
    #[default]
    Stock,
    /// Samsung Galaxy phones (One UI).
    Samsung,
    /// Xiaomi, Redmi and POCO phones (MIUI / HyperOS).
    Xiaomi,
}

impl DeviceFamily {
    pub const ALL: [DeviceFamily; 3] = [Self::Stock, Self::Samsung, Self::Xiaomi];

    /// Stable key used in URLs and storage.
    pub fn key(self) -> &'static str {
        match self {
            Self::Stock => "stock",
            Self::Samsung => "samsung",
            Self::Xiaomi => "xiaomi",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }
}

impl Step {
    /// The instruction as it reads on the given phone family.
    pub fn for_device(&self, family: DeviceFamily) -> &str {
        let variant = match family {
            DeviceFamily::Stock => None,
            DeviceFamily::Samsung => self.samsung.as_deref(),
            DeviceFamily::Xiaomi => self.xiaomi.as_deref(),
        };
        variant.unwrap_or(&self.text)
    }

    /// True when at least one phone family has its own wording for this step.
    pub fn differs_by_device(&self) -> bool {
        self.samsung.is_some() || self.xiaomi.is_some()
    }
}

/// How much a fix costs the user; plans try cheap things first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effort {
    /// Look at a setting or a status page; changes nothing.
    Check,
    /// A minute or two, nothing lost.
    Quick,
    /// Several minutes, a restart, or waiting a while.
    Moderate,
    /// Something may be lost or it takes long (reinstall, waiting for TikTok).
    Drastic,
}

/// Where a fact comes from, and how sure we are of it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// TikTok, Google, a standard or source code.
    Official,
    /// Press or reputable blogs.
    Secondary,
    /// Common advice we could not confirm.
    Unverified,
}

impl Content {
    pub fn cause(&self, id: &str) -> Option<&Cause> {
        self.causes.iter().find(|c| c.id == id)
    }

    pub fn fix(&self, id: &str) -> Option<&Fix> {
        self.fixes.iter().find(|f| f.id == id)
    }

    pub fn symptom(&self, id: &str) -> Option<&Symptom> {
        self.symptoms.iter().find(|s| s.id == id)
    }

    /// Causes that list this fix, so a fix page can say what it helps with.
    pub fn causes_fixed_by<'a>(&'a self, fix_id: &'a str) -> impl Iterator<Item = &'a Cause> + 'a {
        self.causes
            .iter()
            .filter(move |c| c.fixes.iter().any(|f| f == fix_id))
    }

    /// The guide's section for one symptom, as indices into `causes` and `fixes`: the
    /// symptom's causes, most typical first, then the fixes those causes lead to in the
    /// order they first come up, with the last resorts (a fix every one of these causes
    /// lists last, such as reporting the problem) at the end. `build.rs` computes it for
    /// the shipped content, so the app carries the small index lists, not this code.
    pub fn guide_section(&self, symptom: &Symptom) -> (Vec<usize>, Vec<usize>) {
        let causes: Vec<usize> = symptom
            .causes
            .iter()
            .filter_map(|id| self.causes.iter().position(|c| c.id == *id))
            .collect();
        let mut fix_ids: Vec<&str> = Vec::new();
        for &cause in &causes {
            for id in &self.causes[cause].fixes {
                if !fix_ids.contains(&id.as_str()) {
                    fix_ids.push(id);
                }
            }
        }
        let last_resort = |id: &str| {
            causes
                .iter()
                .map(|&c| &self.causes[c].fixes)
                .filter(|fixes| fixes.iter().any(|f| f == id))
                .all(|fixes| fixes.last().is_some_and(|f| f == id))
        };
        // The rest first, then the last resorts, each group in its order.
        let (mut ordered, last): (Vec<&str>, Vec<&str>) =
            fix_ids.into_iter().partition(|id| !last_resort(id));
        ordered.extend(last);
        let fixes = ordered
            .into_iter()
            .filter_map(|id| self.fixes.iter().position(|f| f.id == id))
            .collect();
        (causes, fixes)
    }

    /// Merges content read from several files.
    pub fn extend(&mut self, other: Content) {
        self.symptoms.extend(other.symptoms);
        self.causes.extend(other.causes);
        self.fixes.extend(other.fixes);
        self.install_guides.extend(other.install_guides);
        self.open_in_browser.extend(other.open_in_browser);
        self.pages.extend(other.pages);
        self.questions.extend(other.questions);
        self.probes.extend(other.probes);
        self.groups.extend(other.groups);
        self.verdicts.extend(other.verdicts);
    }

    pub fn verdict(&self, id: &str) -> Option<&VerdictText> {
        self.verdicts.iter().find(|v| v.id == id)
    }

    /// A probe group's name; empty if the content lacks it (the validator refuses that).
    pub fn group_name(&self, group: Group) -> &str {
        self.groups
            .iter()
            .find(|g| g.id == group)
            .map_or("", |g| g.name.as_str())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }
}

/// Minimal entries for unit tests elsewhere in the crate.
#[cfg(test)]
pub mod examples {
    use super::*;

    pub fn cause(id: &str, fixes: &[&str]) -> Cause {
        Cause {
            id: id.into(),
            title: id.to_uppercase(),
            summary: "s".into(),
            explanation: vec!["e".into()],
            signs: vec![],
            fixes: fixes.iter().map(|f| f.to_string()).collect(),
            topics: vec![],
            keywords: vec![],
            sources: vec![source(Confidence::Secondary)],
            support_cant_change: None,
        }
    }

    pub fn source(confidence: Confidence) -> Source {
        Source {
            title: "A source".into(),
            url: Some("https://example.com/".into()),
            confidence,
        }
    }

    pub fn fix(id: &str, effort: Effort) -> Fix {
        Fix {
            id: id.into(),
            title: id.to_uppercase(),
            summary: "s".into(),
            effort,
            kind: StepKind::Fix,
            question: None,
            answers: vec![],
            instead: None,
            steps: vec![Step {
                text: "Open TikTok.".into(),
                samsung: None,
                xiaomi: None,
            }],
            warnings: vec![],
            menus_may_differ: false,
            prevention: None,
            topics: vec![],
            keywords: vec![],
            sources: vec![source(Confidence::Secondary)],
            links: vec![],
            only_if: vec![],
            skip_if: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::examples::{cause, fix, source};
    use super::*;

    #[test]
    fn evidence_reads_and_writes_as_a_table_of_cause_points() {
        let evidence: Evidence = [("vpn".to_string(), 4), ("outage".to_string(), -2)].into();
        assert_eq!(evidence.get("vpn"), Some(&4));
        assert_eq!(evidence.get("nope"), None);
        let bytes = postcard::to_allocvec(&evidence).unwrap();
        let back: Evidence = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, evidence);
        // The same bytes as a map: content written before this type still reads.
        let map: std::collections::BTreeMap<String, i32> =
            [("outage".to_string(), -2), ("vpn".to_string(), 4)].into();
        let old: Evidence = postcard::from_bytes(&postcard::to_allocvec(&map).unwrap()).unwrap();
        assert_eq!(old.get("outage"), Some(&-2));
        assert_eq!(old.values().sum::<i32>(), 2);
    }

    #[test]
    fn only_tiktok_play_store_listings_and_tiktok_web_pages_are_allowed_links() {
        for ok in [
            "https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically",
            "https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically.go",
            "https://www.tiktok.com/messages",
            "https://www.tiktok.com/",
        ] {
            assert!(is_allowed_link(ok), "{ok}");
        }
        for bad in [
            "http://www.tiktok.com/messages",
            "https://tiktok.com/messages",
            "https://www.tiktok.com.evil.example/messages",
            "https://www.tiktok.com@evil.example/",
            "https://www.tiktok.com/messages?next=https://evil.example",
            "https://www.tiktok.com/messages#x",
            "https://www.tiktok.com/../x",
            "https://play.google.com/store/apps/details?id=com.example.other",
            "https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically&hl=en",
            "https://play.google.com/store/apps/details?id=",
            "intent://details?id=com.zhiliaoapp.musically#Intent;scheme=market;end",
            "market://details?id=com.zhiliaoapp.musically",
            "javascript:alert(1)",
        ] {
            assert!(!is_allowed_link(bad), "{bad}");
        }
    }

    #[test]
    fn the_best_source_decides_the_hedge() {
        let mut c = cause("c", &[]);
        c.sources = vec![source(Confidence::Unverified)];
        assert!(c.needs_hedge());
        assert_eq!(c.hedge(), Some(Hedge::Unverified));
        c.sources.push(source(Confidence::Secondary));
        assert!(!c.needs_hedge(), "a secondary source is enough");
        c.sources = vec![];
        assert!(
            !c.needs_hedge(),
            "no source is a validator problem, not a hedge"
        );

        let mut f = fix("f", Effort::Quick);
        assert_eq!(f.hedge(), None);
        f.menus_may_differ = true;
        assert_eq!(f.hedge(), Some(Hedge::TikTokMenus));
        f.sources = vec![
            source(Confidence::Unverified),
            source(Confidence::Unverified),
        ];
        assert!(f.needs_hedge());
        assert_eq!(f.hedge(), Some(Hedge::Unverified));
        f.menus_may_differ = false;
        assert_eq!(f.hedge(), Some(Hedge::Unverified));
        assert_eq!(
            best_confidence(&[source(Confidence::Unverified), source(Confidence::Official)]),
            Some(Confidence::Official)
        );
    }
}
