//! The application lifecycle (REFERENCE §2.2) as a state machine. Every change of state goes
//! through [`transition`], which refuses anything the lifecycle does not allow (approving a
//! withdrawn application, completing before approval…) and says what the change does to the
//! completion-time clock. The server writes each transition to the tracking log in the same
//! transaction as the state change.

use serde::{Deserialize, Serialize};

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Being filled in by the citizen; not yet visible to staff.
    Draft,
    /// Submitted, waiting for verification (menunggu verifikasi).
    Submitted,
    /// An officer is verifying the documents.
    InVerification,
    /// The citizen must correct something (perlu perbaikan); the clock is paused.
    NeedsCorrection,
    /// Corrected and submitted again, waiting for verification.
    Resubmitted,
    /// Documents accepted; being processed.
    InProcess,
    /// Approved (disetujui); the permit is being issued.
    Approved,
    /// Rejected (ditolak) with a reason. Final.
    Rejected,
    /// The permit was issued / handed over. Final.
    Completed,
    /// Withdrawn by the citizen before a decision. Final.
    Withdrawn,
}

impl State {
    /// Every state, in lifecycle order.
    pub const ALL: [State; 10] = [
        State::Draft,
        State::Submitted,
        State::InVerification,
        State::NeedsCorrection,
        State::Resubmitted,
        State::InProcess,
        State::Approved,
        State::Rejected,
        State::Completed,
        State::Withdrawn,
    ];

    /// Stable code for the database.
    pub fn code(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Submitted => "submitted",
            State::InVerification => "in_verification",
            State::NeedsCorrection => "needs_correction",
            State::Resubmitted => "resubmitted",
            State::InProcess => "in_process",
            State::Approved => "approved",
            State::Rejected => "rejected",
            State::Completed => "completed",
            State::Withdrawn => "withdrawn",
        }
    }

    /// Reads a stored code.
    pub fn parse(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }

    /// No further transitions are possible.
    pub fn is_final(self) -> bool {
        matches!(self, State::Rejected | State::Completed | State::Withdrawn)
    }

    /// Staff have something to do (it is in a unit's work queue).
    pub fn is_open_for_staff(self) -> bool {
        matches!(
            self,
            State::Submitted
                | State::InVerification
                | State::Resubmitted
                | State::InProcess
                | State::Approved
        )
    }

    /// The citizen has something to do.
    pub fn awaiting_citizen(self) -> bool {
        matches!(self, State::Draft | State::NeedsCorrection)
    }

    /// Submitted and not yet decided: the citizen may still withdraw.
    pub fn before_decision(self) -> bool {
        matches!(
            self,
            State::Submitted
                | State::InVerification
                | State::NeedsCorrection
                | State::Resubmitted
                | State::InProcess
        )
    }
}

/// A step staff take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffAction {
    /// Start verifying the documents.
    StartVerification,
    /// Ask the citizen to correct something (with a note per requirement).
    RequestCorrection,
    /// Accept the documents and start processing.
    AcceptDocuments,
    /// Approve.
    Approve,
    /// Reject (with a reason the citizen sees).
    Reject,
    /// Issue the permit / hand over the result.
    Complete,
}

impl StaffAction {
    /// Every staff step, in lifecycle order.
    pub const ALL: [StaffAction; 6] = [
        StaffAction::StartVerification,
        StaffAction::RequestCorrection,
        StaffAction::AcceptDocuments,
        StaffAction::Approve,
        StaffAction::Reject,
        StaffAction::Complete,
    ];

    /// The steps whose officers are credited with the citizen's rating unless a service says
    /// otherwise (REFERENCE §4): the ones where the officer deals with the citizen — verifying
    /// their documents, asking for corrections, accepting them, handing over the result. The
    /// decision itself (approve/reject) is back-office by default.
    pub const DEFAULT_CITIZEN_FACING: [StaffAction; 4] = [
        StaffAction::StartVerification,
        StaffAction::RequestCorrection,
        StaffAction::AcceptDocuments,
        StaffAction::Complete,
    ];

    /// Stable code (database, forms, service definitions).
    pub fn code(self) -> &'static str {
        match self {
            StaffAction::StartVerification => "start_verification",
            StaffAction::RequestCorrection => "request_correction",
            StaffAction::AcceptDocuments => "accept_documents",
            StaffAction::Approve => "approve",
            StaffAction::Reject => "reject",
            StaffAction::Complete => "complete",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<StaffAction> {
        StaffAction::ALL
            .into_iter()
            .find(|a| a.code() == code.trim())
    }
}

/// Anything that moves an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The citizen submits the draft.
    Submit,
    /// The citizen submits the corrections.
    Resubmit,
    /// The citizen withdraws before a decision.
    Withdraw,
    /// A staff step.
    Staff(StaffAction),
}

impl Action {
    /// Stable code for the tracking log.
    pub fn code(self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::Resubmit => "resubmit",
            Action::Withdraw => "withdraw",
            Action::Staff(a) => a.code(),
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Action> {
        match code {
            "submit" => Some(Action::Submit),
            "resubmit" => Some(Action::Resubmit),
            "withdraw" => Some(Action::Withdraw),
            other => StaffAction::parse(other).map(Action::Staff),
        }
    }

    /// Whether a citizen takes it (staff may take it for them at the counter).
    pub fn is_citizen_action(self) -> bool {
        !matches!(self, Action::Staff(_))
    }
}

/// What a transition does to the completion-time clock (REFERENCE §2.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Clock {
    /// Starts counting working days (submission).
    Start,
    /// Pauses while the citizen corrects.
    Pause,
    /// Resumes after the corrections.
    Resume,
    /// Stops: the application is finished (completed or rejected), and whether it finished
    /// within its standard time is recorded.
    Finish,
    /// Stops without a result (withdrawn): not counted as on time or late.
    Abandon,
    /// No effect.
    Unchanged,
}

/// An allowed change of state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    /// The action taken.
    pub action: Action,
    /// The state before.
    pub from: State,
    /// The state after.
    pub to: State,
    /// The effect on the clock.
    pub clock: Clock,
}

/// Why a transition was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{action:?} is not possible in state {from:?}")]
pub struct TransitionError {
    /// The state the application is in.
    pub from: State,
    /// The action refused.
    pub action: Action,
}

/// The lifecycle: the state after `action` in state `from`, and its effect on the clock.
pub fn transition(from: State, action: Action) -> Result<Transition, TransitionError> {
    use Action as A;
    use StaffAction as S;
    use State::*;
    let (to, clock) = match (from, action) {
        (Draft, A::Submit) => (Submitted, Clock::Start),
        (NeedsCorrection, A::Resubmit) => (Resubmitted, Clock::Resume),
        (state, A::Withdraw) if state.before_decision() => (Withdrawn, Clock::Abandon),
        (Submitted | Resubmitted, A::Staff(S::StartVerification)) => {
            (InVerification, Clock::Unchanged)
        }
        (InVerification, A::Staff(S::RequestCorrection)) => (NeedsCorrection, Clock::Pause),
        (InVerification, A::Staff(S::AcceptDocuments)) => (InProcess, Clock::Unchanged),
        (InProcess, A::Staff(S::Approve)) => (Approved, Clock::Unchanged),
        (InVerification | InProcess, A::Staff(S::Reject)) => (Rejected, Clock::Finish),
        (Approved, A::Staff(S::Complete)) => (Completed, Clock::Finish),
        _ => return Err(TransitionError { from, action }),
    };
    Ok(Transition {
        action,
        from,
        to,
        clock,
    })
}

/// The staff steps possible in `state`, for the buttons on the officer's page.
pub fn staff_actions(state: State) -> Vec<StaffAction> {
    StaffAction::ALL
        .into_iter()
        .filter(|a| transition(state, Action::Staff(*a)).is_ok())
        .collect()
}

#[cfg(test)]
mod tests;
