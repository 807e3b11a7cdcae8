use super::*;

fn all_actions() -> Vec<Action> {
    let mut actions = vec![Action::Submit, Action::Resubmit, Action::Withdraw];
    actions.extend(StaffAction::ALL.map(Action::Staff));
    actions
}

/// The whole lifecycle as a table: every legal (state, action) with its result.
fn legal() -> Vec<(State, Action, State, Clock)> {
    use Action as A;
    use StaffAction as S;
    use State::*;
    vec![
        (Draft, A::Submit, Submitted, Clock::Start),
        (
            Submitted,
            A::Staff(S::StartVerification),
            InVerification,
            Clock::Unchanged,
        ),
        (
            Resubmitted,
            A::Staff(S::StartVerification),
            InVerification,
            Clock::Unchanged,
        ),
        (
            InVerification,
            A::Staff(S::RequestCorrection),
            NeedsCorrection,
            Clock::Pause,
        ),
        (
            InVerification,
            A::Staff(S::AcceptDocuments),
            InProcess,
            Clock::Unchanged,
        ),
        (InVerification, A::Staff(S::Reject), Rejected, Clock::Finish),
        (NeedsCorrection, A::Resubmit, Resubmitted, Clock::Resume),
        (InProcess, A::Staff(S::Approve), Approved, Clock::Unchanged),
        (InProcess, A::Staff(S::Reject), Rejected, Clock::Finish),
        (Approved, A::Staff(S::Complete), Completed, Clock::Finish),
        (Submitted, A::Withdraw, Withdrawn, Clock::Abandon),
        (InVerification, A::Withdraw, Withdrawn, Clock::Abandon),
        (NeedsCorrection, A::Withdraw, Withdrawn, Clock::Abandon),
        (Resubmitted, A::Withdraw, Withdrawn, Clock::Abandon),
        (InProcess, A::Withdraw, Withdrawn, Clock::Abandon),
    ]
}

#[test]
fn every_state_and_action_pair_is_either_legal_as_listed_or_refused() {
    let legal = legal();
    let mut checked = 0;
    for from in State::ALL {
        for action in all_actions() {
            checked += 1;
            let expected = legal.iter().find(|(f, a, _, _)| *f == from && *a == action);
            match (transition(from, action), expected) {
                (Ok(t), Some((_, _, to, clock))) => {
                    assert_eq!(
                        (t.from, t.to, t.clock),
                        (from, *to, *clock),
                        "{from:?} + {action:?}"
                    );
                }
                (Err(e), None) => assert_eq!(e, TransitionError { from, action }),
                (got, want) => panic!("{from:?} + {action:?}: got {got:?}, expected {want:?}"),
            }
        }
    }
    assert_eq!(checked, 10 * 9);
}

#[test]
fn illegal_moves_named_in_the_issue_are_refused() {
    assert!(transition(State::Withdrawn, Action::Staff(StaffAction::Approve)).is_err());
    assert!(transition(State::InProcess, Action::Staff(StaffAction::Complete)).is_err());
    assert!(transition(State::Submitted, Action::Resubmit).is_err());
    assert!(
        transition(State::Approved, Action::Withdraw).is_err(),
        "no withdrawing after a decision"
    );
    assert!(
        transition(State::Draft, Action::Withdraw).is_err(),
        "a draft is deleted, not withdrawn"
    );
}

#[test]
fn final_states_allow_nothing() {
    for state in State::ALL.into_iter().filter(|s| s.is_final()) {
        for action in all_actions() {
            assert!(transition(state, action).is_err());
        }
        assert!(staff_actions(state).is_empty());
    }
}

#[test]
fn codes_round_trip() {
    for state in State::ALL {
        assert_eq!(State::parse(state.code()), Some(state));
    }
    for action in all_actions() {
        assert_eq!(Action::parse(action.code()), Some(action));
    }
    assert_eq!(State::parse("lost"), None);
}

#[test]
fn the_officer_sees_the_steps_of_the_state() {
    assert_eq!(
        staff_actions(State::Submitted),
        vec![StaffAction::StartVerification]
    );
    assert_eq!(
        staff_actions(State::InVerification),
        vec![
            StaffAction::RequestCorrection,
            StaffAction::AcceptDocuments,
            StaffAction::Reject
        ]
    );
    assert_eq!(staff_actions(State::NeedsCorrection), vec![]);
}
