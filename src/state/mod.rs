//! App-wide state shared through a reducer and context: the phone family, install and
//! update offers, and notices. Pure, so the transitions are tested natively.

use crate::connection::history::{self, Run};
use crate::content::{content, DeviceFamily};
use crate::diagnosis::check::{Check, Stage, StepResult};
use crate::diagnosis::place::{self, Place};
use crate::language::Language;
use std::rc::Rc;
use yew::Reducible;

mod context;
pub use context::{choose_device, choose_language, phone_choice, AppContext, PhoneChoice};

/// Whether and how the app can be installed right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstallOffer {
    /// The browser gave us an install prompt to show.
    Prompt,
    /// No prompt (yet): show the manual "Add to Home screen" steps.
    Manual,
    /// Already running as an installed app: hide the Install button.
    Installed,
}

/// Whether this browser keeps DM Doctor for offline use: the service worker has
/// installed (and so cached every file), or there is none (TikTok's in-app browser may
/// have none; an install can fail). People must know before they switch networks or
/// reinstall TikTok.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineUse {
    /// Not known yet: the service worker is still installing.
    Checking,
    Ready,
    Unavailable,
}

/// Where the phone family came from, so the picker can say "we guessed".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceSource {
    Default,
    Guessed,
    Chosen,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub device: DeviceFamily,
    pub device_source: DeviceSource,
    pub install: InstallOffer,
    pub offline: OfflineUse,
    pub update_ready: bool,
    /// A message the user should see once (storage problems, data deleted, ...).
    pub notice: Option<String>,
    /// The guided check, if one was started.
    pub check: Option<Check>,
    /// Set when progress cannot be saved (private mode, storage full).
    pub unsaved: Option<&'static str>,
    /// `navigator.onLine`, kept live.
    pub online: bool,
    /// True while a connection test runs.
    pub testing: bool,
    /// Recent connection test runs, newest first.
    pub runs: Vec<Run>,
    /// Bumped by "Delete my data": a test started before it must not bring data back.
    pub data_epoch: u32,
    /// Bumped when a check starts or ends: a test started before belongs to no check.
    pub check_epoch: u32,
    /// Storage keys holding unreadable data that could not be moved aside: never written
    /// this session, so nothing is lost.
    pub locked: Vec<&'static str>,
    /// The language on screen. The stored check and tests hold ids only, so switching
    /// re-renders every screen in place and the check goes on.
    pub language: &'static Language,
    /// The browser asked for another variety of the language shown (pt-PT shown
    /// Brazilian Portuguese): the picker says so.
    pub other_variety: bool,
    /// A language whose pack couldn't be loaded (at start, or when chosen): the app says
    /// so, with Retry, in the language still shown.
    pub language_failed: Option<&'static Language>,
}

impl AppState {
    pub fn new(
        saved: Option<DeviceFamily>,
        guessed: Option<DeviceFamily>,
        standalone: bool,
    ) -> Self {
        let (device, device_source) = match (saved, guessed) {
            (Some(family), _) => (family, DeviceSource::Chosen),
            (None, Some(family)) => (family, DeviceSource::Guessed),
            (None, None) => (DeviceFamily::default(), DeviceSource::Default),
        };
        Self {
            device,
            device_source,
            install: if standalone {
                InstallOffer::Installed
            } else {
                InstallOffer::Manual
            },
            offline: OfflineUse::Checking,
            update_ready: false,
            notice: None,
            check: None,
            unsaved: None,
            online: true,
            testing: false,
            runs: Vec::new(),
            locked: Vec::new(),
            data_epoch: 0,
            check_epoch: 0,
            language: crate::language::english(),
            other_variety: false,
            language_failed: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    ChooseDevice(DeviceFamily),
    /// The browser revealed the phone's model after start: used unless the user chose.
    DeviceRevealed(DeviceFamily),
    InstallPromptAvailable,
    InstallPromptUsed,
    Installed,
    /// The service worker installed (true), or can't (false).
    OfflineUse(bool),
    UpdateReady,
    Notice(String),
    DismissNotice,
    StartCheck {
        symptom: String,
        now: u64,
    },
    Answer {
        question: String,
        answer: String,
        now: u64,
    },
    /// The address asks for another screen of the check (Back, Forward, an old link):
    /// the check moves toward it as far as it honestly can ([`place::toward`]).
    GoTo {
        place: Place,
        now: u64,
    },
    StartPlan {
        now: u64,
    },
    /// How plan step `step` went. A tap meant for a step that is no longer shown (a
    /// quick second tap lands on the next step's button) is ignored.
    Record {
        step: usize,
        result: StepResult,
        now: u64,
    },
    /// At a checkpoint: "More things to try".
    MoreSteps {
        now: u64,
    },
    /// "Start over": forget the check.
    EndCheck,
    /// Saving failed; the message says why.
    Unsaved(&'static str),
    Saved,
    /// "Delete my data" ran: the check, the tests and the phone family are forgotten.
    /// `stored_cleared`: every stored key was removed, including any locked at start, so
    /// there is nothing left to protect and saving works again.
    DataDeleted {
        stored_cleared: bool,
    },
    Online(bool),
    TestStarted,
    /// The words of this language are on screen now (see `content::show`).
    LanguageShown(&'static Language),
    /// This language's pack couldn't be loaded; the one shown stays.
    LanguageFailed(&'static Language),
    /// A connection test finished; its verdict also goes into the check, if any.
    /// `started` holds the state's (data, check) epochs when the test began.
    TestFinished {
        run: Run,
        started: (u32, u32),
    },
}

/// A connection test younger than this still counts for a check started after it.
pub const RECENT_TEST_MS: u64 = 30 * 60 * 1000;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::ChooseDevice(family) => {
                next.device = family;
                next.device_source = DeviceSource::Chosen;
            }
            Action::DeviceRevealed(family) if next.device_source != DeviceSource::Chosen => {
                next.device = family;
                next.device_source = DeviceSource::Guessed;
            }
            Action::DeviceRevealed(_) => {}
            Action::InstallPromptAvailable if next.install != InstallOffer::Installed => {
                next.install = InstallOffer::Prompt;
            }
            Action::InstallPromptAvailable => {}
            // A prompt can be shown once; if it was dismissed, fall back to manual steps.
            Action::InstallPromptUsed if next.install == InstallOffer::Prompt => {
                next.install = InstallOffer::Manual;
            }
            Action::InstallPromptUsed => {}
            Action::Installed => next.install = InstallOffer::Installed,
            Action::OfflineUse(ready) => {
                next.offline = if ready {
                    OfflineUse::Ready
                } else {
                    OfflineUse::Unavailable
                }
            }
            Action::UpdateReady => next.update_ready = true,
            Action::Notice(text) => next.notice = Some(text),
            Action::DismissNotice => next.notice = None,
            Action::StartCheck { symptom, now } => {
                let mut check = Check::start(content(), &symptom, now);
                if let Some(run) = next
                    .runs
                    .first()
                    .filter(|r| now.saturating_sub(r.at) <= RECENT_TEST_MS)
                {
                    if let Some(verdict) = run.evidence() {
                        check.set_connection(content(), verdict, now);
                    }
                }
                next.check = Some(check);
                next.check_epoch += 1;
            }
            Action::Answer {
                question,
                answer,
                now,
            } => {
                if let Some(check) = &mut next.check {
                    check.answer(content(), &question, &answer, now);
                }
            }
            Action::GoTo { place, now } => {
                if let Some(check) = &mut next.check {
                    *check = place::toward(check, content(), &place, now);
                }
            }
            Action::StartPlan { now } => {
                if let Some(check) = &mut next.check {
                    check.start_plan(content(), now);
                }
            }
            Action::Record { step, result, now } => {
                if let Some(check) = next
                    .check
                    .as_mut()
                    .filter(|c| c.stage == Stage::Plan { step })
                {
                    check.record(content(), result, now);
                }
            }
            Action::MoreSteps { now } => {
                if let Some(check) = &mut next.check {
                    check.more(now);
                }
            }
            Action::EndCheck => {
                next.check = None;
                next.check_epoch += 1;
            }
            Action::Unsaved(message) => next.unsaved = Some(message),
            Action::Saved if next.locked.is_empty() => next.unsaved = None,
            Action::Saved => {}
            Action::Online(online) => next.online = online,
            Action::LanguageShown(language) => {
                next.other_variety &= language == next.language;
                next.language = language;
                next.language_failed = None;
            }
            Action::LanguageFailed(language) => next.language_failed = Some(language),
            Action::TestStarted => next.testing = true,
            Action::TestFinished {
                run,
                started: (data_epoch, check_epoch),
            } => {
                next.testing = false;
                if data_epoch == next.data_epoch {
                    if check_epoch == next.check_epoch {
                        if let Some(check) = &mut next.check {
                            match run.evidence() {
                                Some(verdict) => check.set_connection(content(), verdict, run.at),
                                None => check.clear_connection(run.at),
                            }
                        }
                    }
                    history::push(&mut next.runs, run);
                }
            }
            Action::DataDeleted { stored_cleared } => {
                next.check = None;
                next.runs.clear();
                next.data_epoch += 1;
                next.check_epoch += 1;
                next.device_source = DeviceSource::Default;
                next.device = DeviceFamily::default();
                // If removing failed, locked keys may still hold unreadable data: keep
                // protecting it, and keep telling the user progress isn't saved.
                if stored_cleared {
                    next.locked.clear();
                    next.unsaved = None;
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn saved_choice_beats_guess_and_guess_beats_default() {
        let s = AppState::new(
            Some(DeviceFamily::Xiaomi),
            Some(DeviceFamily::Samsung),
            false,
        );
        assert_eq!(
            (s.device, s.device_source),
            (DeviceFamily::Xiaomi, DeviceSource::Chosen)
        );
        let s = AppState::new(None, Some(DeviceFamily::Samsung), false);
        assert_eq!(
            (s.device, s.device_source),
            (DeviceFamily::Samsung, DeviceSource::Guessed)
        );
        let s = AppState::new(None, None, false);
        assert_eq!(
            (s.device, s.device_source),
            (DeviceFamily::Stock, DeviceSource::Default)
        );
    }

    #[test]
    fn install_offer_follows_the_browser() {
        let s = AppState::new(None, None, false);
        assert_eq!(s.install, InstallOffer::Manual);
        let s = reduce(s, Action::InstallPromptAvailable);
        assert_eq!(s.install, InstallOffer::Prompt);
        let s = reduce(s, Action::InstallPromptUsed);
        assert_eq!(s.install, InstallOffer::Manual);
        let s = reduce(s, Action::Installed);
        assert_eq!(s.install, InstallOffer::Installed);
        // Once installed, a late prompt event must not bring the button back.
        let s = reduce(s, Action::InstallPromptAvailable);
        assert_eq!(s.install, InstallOffer::Installed);
    }

    #[test]
    fn standalone_starts_installed() {
        assert_eq!(
            AppState::new(None, None, true).install,
            InstallOffer::Installed
        );
    }

    #[test]
    fn choosing_a_device_marks_it_chosen() {
        let s = reduce(
            AppState::new(None, Some(DeviceFamily::Samsung), false),
            Action::ChooseDevice(DeviceFamily::Samsung),
        );
        assert_eq!(s.device_source, DeviceSource::Chosen);
    }

    #[test]
    fn a_revealed_model_counts_as_a_guess_but_never_overrides_a_choice() {
        let s = reduce(
            AppState::new(None, None, false),
            Action::DeviceRevealed(DeviceFamily::Xiaomi),
        );
        assert_eq!(
            (s.device, s.device_source),
            (DeviceFamily::Xiaomi, DeviceSource::Guessed)
        );
        let chosen = reduce(
            AppState::new(Some(DeviceFamily::Samsung), None, false),
            Action::DeviceRevealed(DeviceFamily::Xiaomi),
        );
        assert_eq!(
            (chosen.device, chosen.device_source),
            (DeviceFamily::Samsung, DeviceSource::Chosen)
        );
    }

    #[test]
    fn notices_and_updates() {
        let s = reduce(AppState::new(None, None, false), Action::Notice("x".into()));
        assert_eq!(s.notice.as_deref(), Some("x"));
        let s = reduce(s, Action::UpdateReady);
        assert!(s.update_ready);
        assert_eq!(reduce(s, Action::DismissNotice).notice, None);
    }

    #[test]
    fn a_check_runs_through_the_reducer() {
        let s = reduce(
            AppState::new(None, None, false),
            Action::StartCheck {
                symptom: "send-fails-everyone".into(),
                now: 1,
            },
        );
        let check = s.check.clone().expect("check started");
        assert_eq!(check.symptom, "send-fails-everyone");
        let s = reduce(s, Action::StartPlan { now: 2 });
        let plan = s.check.as_ref().unwrap().plan.clone();
        assert!(!plan.is_empty());
        let s = reduce(
            s,
            Action::Record {
                step: 0,
                result: StepResult::Fixed,
                now: 3,
            },
        );
        assert!(!s.check.as_ref().unwrap().in_progress());
        let s = reduce(s, Action::EndCheck);
        assert_eq!(s.check, None);
    }

    #[test]
    fn a_second_tap_meant_for_a_step_already_answered_is_ignored() {
        let s = reduce(
            AppState::new(None, None, false),
            Action::StartCheck {
                symptom: "inbox-wont-load".into(),
                now: 1,
            },
        );
        let s = reduce(s, Action::StartPlan { now: 2 });
        let tap = |step| Action::Record {
            step,
            result: StepResult::NotFixed,
            now: 3,
        };
        let once = reduce(s, tap(0));
        assert_eq!(once.check.as_ref().unwrap().stage, Stage::Plan { step: 1 });
        // The same tap again (a double tap): step 1 must not be answered for the person.
        let twice = reduce(once.clone(), tap(0));
        assert_eq!(twice.check, once.check);
    }

    #[test]
    fn an_address_moves_the_check_back_and_an_unreachable_one_changes_nothing() {
        let s = Rc::new(reduce(
            AppState::new(None, None, false),
            Action::StartCheck {
                symptom: "send-fails-everyone".into(),
                now: 1,
            },
        ));
        let first = place::place_of(s.check.as_ref().unwrap(), content());
        let answered = s.clone().reduce(Action::Answer {
            question: match &first {
                Place::Question(id) => id.clone(),
                other => panic!("premise: a question first, not {other:?}"),
            },
            answer: crate::content::NOT_SURE.into(),
            now: 2,
        });
        let back = answered.clone().reduce(Action::GoTo {
            place: first.clone(),
            now: 3,
        });
        let check = back.check.as_ref().unwrap();
        assert_eq!(place::place_of(check, content()), first);
        assert!(check.answers.is_empty() && check.undone.is_some());
        // Nothing to move: the same state, so nothing renders or saves again.
        let stays = back.clone().reduce(Action::GoTo {
            place: Place::Done,
            now: 4,
        });
        assert!(Rc::ptr_eq(&stays, &back));
    }

    #[test]
    fn a_fine_test_with_a_part_of_tiktok_unheard_is_no_evidence() {
        use crate::connection::history::Network;
        use crate::connection::verdict::{HostResult, Measurements, Sample, Verdict, VerdictKind};
        use crate::content::Group;
        let host = |group, confirmed, samples: &[Sample]| HostResult {
            host: format!("{group:?}"),
            group,
            confirmed,
            samples: samples.to_vec(),
        };
        let fast = [Sample::Answered(80), Sample::Answered(90)];
        let run = |messages: &[Sample]| Run {
            at: 5,
            network: Network::Wifi,
            measurements: Measurements {
                online: true,
                hosts: vec![
                    host(Group::Internet, true, &fast),
                    host(Group::TikTok, true, &fast),
                    host(Group::TikTokVideo, true, &fast),
                    host(Group::TikTokMessages, false, messages),
                ],
            },
            verdict: Verdict {
                kind: VerdictKind::Fine,
                figures: None,
            },
        };
        let started = |s: &AppState| (s.data_epoch, s.check_epoch);
        let s = reduce(
            AppState::new(None, None, false),
            Action::StartCheck {
                symptom: "send-fails-everyone".into(),
                now: 1,
            },
        );
        let heard = run(&fast);
        let s = reduce(
            s.clone(),
            Action::TestFinished {
                run: heard,
                started: started(&s),
            },
        );
        assert_eq!(
            s.check.as_ref().unwrap().connection,
            Some(VerdictKind::Fine)
        );
        // Message servers silent, never seen answering: "fine" for the screen, no
        // evidence for the check (and the earlier "fine" is forgotten).
        let unheard = run(&[Sample::Failed, Sample::Failed]);
        assert_eq!(unheard.evidence(), None);
        let s = reduce(
            s.clone(),
            Action::TestFinished {
                run: unheard,
                started: started(&s),
            },
        );
        assert_eq!(s.check.as_ref().unwrap().connection, None);
        // Nor does it count for a check started after it.
        let s = reduce(
            s,
            Action::StartCheck {
                symptom: "inbox-wont-load".into(),
                now: 6,
            },
        );
        assert_eq!(s.check.as_ref().unwrap().connection, None);
    }

    #[test]
    fn a_finished_test_is_kept_and_feeds_the_check() {
        use crate::connection::history::Network;
        use crate::connection::verdict::{Measurements, Verdict, VerdictKind};
        let s = reduce(
            AppState::new(None, None, false),
            Action::StartCheck {
                symptom: "send-fails-everyone".into(),
                now: 1,
            },
        );
        let s = reduce(s, Action::TestStarted);
        assert!(s.testing);
        let run = |at| Run {
            at,
            network: Network::Wifi,
            measurements: Measurements {
                online: false,
                hosts: vec![],
            },
            verdict: Verdict {
                kind: VerdictKind::Offline,
                figures: None,
            },
        };
        let started = (s.data_epoch, s.check_epoch);
        let s = reduce(
            s,
            Action::TestFinished {
                run: run(5),
                started,
            },
        );
        assert!(!s.testing);
        assert_eq!(s.runs.len(), 1);
        assert_eq!(
            s.check.as_ref().unwrap().connection,
            Some(VerdictKind::Offline)
        );

        // A test still running when the data is deleted brings nothing back.
        let started = (s.data_epoch, s.check_epoch);
        let s = reduce(
            s,
            Action::DataDeleted {
                stored_cleared: true,
            },
        );
        let s = reduce(
            s,
            Action::TestFinished {
                run: run(6),
                started,
            },
        );
        assert!(s.runs.is_empty());

        // A test that finishes after a new check started is kept, but not in that check.
        let started = (s.data_epoch, s.check_epoch);
        let s = reduce(
            s,
            Action::StartCheck {
                symptom: "messages-late".into(),
                now: 7,
            },
        );
        let s = reduce(
            s,
            Action::TestFinished {
                run: run(8),
                started,
            },
        );
        assert_eq!(s.runs.len(), 1);
        assert_eq!(s.check.as_ref().unwrap().connection, None);

        // A recent test counts for a check started after it; an old one does not.
        let s = reduce(
            s,
            Action::StartCheck {
                symptom: "messages-late".into(),
                now: 9,
            },
        );
        assert_eq!(
            s.check.as_ref().unwrap().connection,
            Some(VerdictKind::Offline)
        );
        let s = reduce(
            s,
            Action::StartCheck {
                symptom: "messages-late".into(),
                now: 8 + RECENT_TEST_MS + 1,
            },
        );
        assert_eq!(s.check.as_ref().unwrap().connection, None);
    }

    #[test]
    fn deleting_data_forgets_the_check_and_the_phone() {
        let s = reduce(
            AppState::new(Some(DeviceFamily::Xiaomi), None, false),
            Action::StartCheck {
                symptom: "messages-late".into(),
                now: 1,
            },
        );
        let s = reduce(
            s,
            Action::DataDeleted {
                stored_cleared: true,
            },
        );
        assert_eq!(s.check, None);
        assert_eq!(
            (s.device, s.device_source),
            (DeviceFamily::Stock, DeviceSource::Default)
        );
    }

    /// As the app starts when unreadable data could be neither read nor moved aside.
    fn locked_at_start() -> AppState {
        let mut s = AppState::new(None, None, false);
        s.locked = vec![crate::platform::storage::CHECK_KEY];
        s.unsaved = Some("locked");
        s
    }

    #[test]
    fn deleting_data_lets_saving_work_again() {
        let s = reduce(
            locked_at_start(),
            Action::DataDeleted {
                stored_cleared: true,
            },
        );
        assert!(s.locked.is_empty(), "nothing stored is left to protect");
        assert_eq!(s.unsaved, None);
        // Saving problems are reported and cleared as usual from now on.
        let s = reduce(s, Action::Unsaved("full"));
        assert_eq!(s.unsaved, Some("full"));
        assert_eq!(reduce(s, Action::Saved).unsaved, None);
    }

    #[test]
    fn a_failed_delete_keeps_protecting_locked_data() {
        let s = reduce(
            locked_at_start(),
            Action::StartCheck {
                symptom: "messages-late".into(),
                now: 1,
            },
        );
        let s = reduce(
            s,
            Action::DataDeleted {
                stored_cleared: false,
            },
        );
        assert_eq!(s.check, None, "what is on screen is forgotten all the same");
        assert_eq!(s.locked, vec![crate::platform::storage::CHECK_KEY]);
        assert_eq!(s.unsaved, Some("locked"));
        assert_eq!(
            reduce(s, Action::Saved).unsaved,
            Some("locked"),
            "a locked key is never written"
        );
    }

    #[test]
    fn saving_problems_are_remembered_until_a_save_works() {
        let s = reduce(AppState::new(None, None, false), Action::Unsaved("full"));
        assert_eq!(s.unsaved, Some("full"));
        assert_eq!(reduce(s, Action::Saved).unsaved, None);
    }

    #[test]
    fn unchanged_state_keeps_the_same_rc() {
        let state = Rc::new(AppState::new(None, None, false));
        let same = state.clone().reduce(Action::DismissNotice);
        assert!(Rc::ptr_eq(&state, &same));
    }
}
