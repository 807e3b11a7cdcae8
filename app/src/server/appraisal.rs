//! The periodic appraisal (REFERENCE §5; PermenPAN-RB 6/2022): periods HR opens and closes, the
//! evidence an officer's appraisal rests on, and who may read it.

pub mod appraise;
pub mod contest;
pub mod evidence;
pub mod periods;
pub mod supervised;

use crate::auth::{Role, Viewer};
use crate::server::error::ServiceError;

/// HR (BKPSDM) only.
pub fn require_hr(viewer: &Viewer) -> Result<i64, ServiceError> {
    match viewer {
        Viewer::Anonymous => Err(ServiceError::Unauthorized),
        v if v.has_role(Role::Hr) => Ok(v.account_id().unwrap_or_default()),
        _ => Err(ServiceError::Forbidden),
    }
}

/// How a viewer relates to an officer whose appraisal they ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// The officer themself.
    Own,
    /// Their supervisor (pejabat penilai): may appraise.
    Supervisor,
    /// HR: reads every unit.
    Hr,
}

/// Who `viewer` is to officer `officer_account_id` (supervisor `supervisor_account_id`), or
/// not found: nobody else learns the officer's appraisal exists (staff of another unit, other
/// officers, citizens).
pub fn reader_of(
    viewer: &Viewer,
    officer_account_id: i64,
    supervisor_account_id: Option<i64>,
) -> Result<Reader, ServiceError> {
    let Some(me) = viewer.account_id().filter(|_| viewer.is_staff()) else {
        return Err(if viewer.is_signed_in() {
            ServiceError::NotFound
        } else {
            ServiceError::Unauthorized
        });
    };
    if me == officer_account_id {
        Ok(Reader::Own)
    } else if supervisor_account_id == Some(me) {
        Ok(Reader::Supervisor)
    } else if viewer.has_role(Role::Hr) {
        Ok(Reader::Hr)
    } else {
        Err(ServiceError::NotFound)
    }
}
