//! Small shared components used by several screens.

pub mod device_picker;
pub mod entry_list;
pub mod fix_body;
pub mod install;
pub mod markup;
pub mod notes;
pub mod phone_question;
pub mod report_box;
pub mod router;
pub mod sources;
