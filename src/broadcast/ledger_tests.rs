//! The recipient state machine: forward only, whatever the order of events.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;

const CLAIM: Event = Event::Claim { now: 1_000, until: 31_000, resend_unknown: false };

fn run(events: &[Event]) -> State {
    events.iter().fold(State::Pending, |state, event| state.apply(*event))
}

#[test]
fn the_happy_path_goes_forward_to_read() {
    let mut state = State::Pending;
    for (event, expected) in [
        (CLAIM, State::Claimed { until: 31_000 }),
        (Event::Accepted { held: false }, State::Accepted { held: false }),
        (Event::Sent, State::Sent),
        (Event::Delivered, State::Delivered),
        (Event::Read, State::Read),
    ] {
        state = state.apply(event);
        assert_eq!(state, expected);
    }
    assert!(state.is_final());
}

#[test]
fn duplicates_and_out_of_order_events_are_harmless() {
    let events = [CLAIM, Event::Accepted { held: true }, Event::Sent, Event::Delivered, Event::Read];
    // Every order of the webhooks after the claim ends read, and so does every event twice.
    let orders: [[usize; 4]; 4] = [[1, 2, 3, 4], [4, 3, 2, 1], [3, 1, 4, 2], [2, 4, 1, 3]];
    for order in orders {
        let mut sequence = vec![CLAIM];
        for index in order {
            sequence.push(events[index]);
            sequence.push(events[index]);
        }
        sequence.push(CLAIM);
        assert_eq!(run(&sequence), State::Read, "{order:?}");
    }
    // A second claim of a live lease, or of a finished recipient, changes nothing.
    assert_eq!(run(&[CLAIM, CLAIM]), State::Claimed { until: 31_000 });
    assert_eq!(run(&[CLAIM, Event::Accepted { held: false }, CLAIM]), State::Accepted { held: false });
    // A late send answer does not undo a webhook.
    assert_eq!(run(&[CLAIM, Event::Delivered, Event::Accepted { held: false }]), State::Delivered);
}

#[test]
fn lost_answers_are_unknown_until_a_webhook_settles_them() {
    assert_eq!(run(&[CLAIM, Event::Ambiguous]), State::Unknown);
    assert_eq!(run(&[CLAIM, Event::Expire { now: 30_999 }]), State::Claimed { until: 31_000 });
    assert_eq!(run(&[CLAIM, Event::Expire { now: 31_000 }]), State::Unknown);
    // A redelivered queue message after the lease ended does not send again.
    let redelivered = Event::Claim { now: 40_000, until: 70_000, resend_unknown: false };
    assert_eq!(run(&[CLAIM, redelivered]), State::Unknown);
    assert_eq!(run(&[CLAIM, redelivered, redelivered]), State::Unknown);
    assert_eq!(run(&[CLAIM, Event::Ambiguous, Event::Delivered]), State::Delivered);
    assert_eq!(
        run(&[CLAIM, Event::Ambiguous, Event::Failed { code: 131_026 }]),
        State::Failed { code: 131_026 }
    );
    // The opt-in resends it.
    let resend = Event::Claim { now: 40_000, until: 70_000, resend_unknown: true };
    assert_eq!(run(&[CLAIM, Event::Ambiguous, resend]), State::Claimed { until: 70_000 });
}

#[test]
fn deferred_recipients_wait_and_failures_are_final() {
    let deferred = run(&[CLAIM, Event::Defer { not_before: 7_000 }]);
    assert_eq!(deferred, State::Deferred { not_before: 7_000 });
    assert_eq!(deferred.apply(Event::Claim { now: 6_999, until: 9_000, resend_unknown: false }), deferred);
    assert_eq!(
        deferred.apply(Event::Claim { now: 7_000, until: 9_000, resend_unknown: false }),
        State::Claimed { until: 9_000 }
    );
    let failed = run(&[CLAIM, Event::Failed { code: 131_049 }]);
    for event in [CLAIM, Event::Accepted { held: false }, Event::Sent, Event::Read, Event::Failed { code: 1 }]
    {
        assert_eq!(failed.apply(event), State::Failed { code: 131_049 });
    }
    // Held, then failed by webhook (template paused: 132015).
    assert_eq!(
        run(&[CLAIM, Event::Accepted { held: true }, Event::Failed { code: 132_015 }]),
        State::Failed { code: 132_015 }
    );
    // Delivered wins over a late failure.
    assert_eq!(run(&[CLAIM, Event::Delivered, Event::Failed { code: 131_026 }]), State::Delivered);
    // Answers for a recipient that was never claimed change nothing.
    assert_eq!(
        run(&[Event::Accepted { held: false }, Event::Ambiguous, Event::Defer { not_before: 1 }]),
        State::Pending
    );
}
