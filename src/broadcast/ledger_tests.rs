//! The recipient state machine: forward only, whatever the order of events.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;

const CLAIM: Event = Event::Claim { now: 1_000, until: 31_000, resend_unknown: false };
const BEGIN: Event = Event::Begin { now: 2_000, until: 40_000 };

fn run(events: &[Event]) -> State {
    events.iter().fold(State::Pending, |state, event| state.apply(*event))
}

#[test]
fn the_happy_path_goes_forward_to_read() {
    let mut state = State::Pending;
    for (event, expected) in [
        (CLAIM, State::Claimed { until: 31_000 }),
        (BEGIN, State::Sending { until: 40_000 }),
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
    let events = [BEGIN, Event::Accepted { held: true }, Event::Sent, Event::Delivered, Event::Read];
    // Every order of the webhooks after the claim ends read, and so does every event twice.
    let orders: [[usize; 4]; 4] = [[1, 2, 3, 4], [4, 3, 2, 1], [3, 1, 4, 2], [2, 4, 1, 3]];
    for order in orders {
        let mut sequence = vec![CLAIM, BEGIN];
        for index in order {
            sequence.push(events[index]);
            sequence.push(events[index]);
        }
        sequence.push(CLAIM);
        assert_eq!(run(&sequence), State::Read, "{order:?}");
    }
    // A second claim of a live lease, or of a finished recipient, changes nothing.
    assert_eq!(run(&[CLAIM, CLAIM]), State::Claimed { until: 31_000 });
    assert_eq!(run(&[CLAIM, BEGIN, BEGIN]), State::Sending { until: 40_000 });
    assert_eq!(run(&[CLAIM, BEGIN, Event::Accepted { held: false }, CLAIM]), State::Accepted { held: false });
    // A late send answer does not undo a webhook.
    assert_eq!(run(&[CLAIM, BEGIN, Event::Delivered, Event::Accepted { held: false }]), State::Delivered);
}

#[test]
fn lost_answers_are_unknown_until_a_webhook_settles_them() {
    assert_eq!(run(&[CLAIM, BEGIN, Event::Ambiguous]), State::Unknown);
    assert_eq!(run(&[CLAIM, BEGIN, Event::Expire { now: 39_999 }]), State::Sending { until: 40_000 });
    assert_eq!(run(&[CLAIM, BEGIN, Event::Expire { now: 40_000 }]), State::Unknown);
    // A redelivered queue message after the lease ended does not send again.
    let redelivered = Event::Claim { now: 50_000, until: 70_000, resend_unknown: false };
    assert_eq!(run(&[CLAIM, BEGIN, redelivered]), State::Unknown);
    assert_eq!(run(&[CLAIM, BEGIN, redelivered, redelivered]), State::Unknown);
    assert_eq!(run(&[CLAIM, BEGIN, Event::Ambiguous, Event::Delivered]), State::Delivered);
    assert_eq!(
        run(&[CLAIM, BEGIN, Event::Ambiguous, Event::Failed { code: 131_026 }]),
        State::Failed { code: 131_026 }
    );
    // The answer arriving after all settles it.
    assert_eq!(
        run(&[CLAIM, BEGIN, Event::Ambiguous, Event::Accepted { held: false }]),
        State::Accepted { held: false }
    );
    // The opt-in resends it.
    let resend = Event::Claim { now: 50_000, until: 70_000, resend_unknown: true };
    assert_eq!(run(&[CLAIM, BEGIN, Event::Ambiguous, resend]), State::Claimed { until: 70_000 });
}

#[test]
fn a_lease_that_never_began_sent_nothing_and_is_claimed_again() {
    // Ended unbegun: pending again (the alarm), or claimed by the next consumer.
    assert_eq!(run(&[CLAIM, Event::Expire { now: 30_999 }]), State::Claimed { until: 31_000 });
    assert_eq!(run(&[CLAIM, Event::Expire { now: 31_000 }]), State::Pending);
    let next = Event::Claim { now: 31_000, until: 60_000, resend_unknown: false };
    assert_eq!(run(&[CLAIM, next]), State::Claimed { until: 60_000 });
    assert_eq!(run(&[CLAIM, Event::Release]), State::Pending);
    // A begin after the lease ended is refused: the slot may be someone else's.
    assert_eq!(run(&[CLAIM, Event::Begin { now: 31_000, until: 60_000 }]), State::Claimed { until: 31_000 });
    // Two consumers: the first begin wins, the second changes nothing.
    assert_eq!(
        run(&[CLAIM, BEGIN, Event::Begin { now: 3_000, until: 90_000 }]),
        State::Sending { until: 40_000 }
    );
    // Answers without a begun send change nothing; neither does a release once sending.
    assert_eq!(
        run(&[CLAIM, Event::Accepted { held: false }, Event::Ambiguous]),
        State::Claimed { until: 31_000 }
    );
    assert_eq!(run(&[CLAIM, BEGIN, Event::Release]), State::Sending { until: 40_000 });
}

#[test]
fn dead_letters_fail_only_what_never_began() {
    for (events, expected) in [
        (vec![Event::DeadLetter], State::Failed { code: 0 }),
        (vec![CLAIM, Event::DeadLetter], State::Failed { code: 0 }),
        (vec![CLAIM, BEGIN, Event::DeadLetter], State::Sending { until: 40_000 }),
        (vec![CLAIM, BEGIN, Event::Ambiguous, Event::DeadLetter], State::Unknown),
        (
            vec![CLAIM, BEGIN, Event::Accepted { held: false }, Event::DeadLetter],
            State::Accepted { held: false },
        ),
    ] {
        assert_eq!(run(&events), expected, "{events:?}");
    }
}

#[test]
fn outcomes_become_events() {
    use crate::broadcast::outcome::classify;
    let of = |text: &str, attempts| {
        Event::after_send(&classify(&crate::json::parse(text).unwrap()), 10_000, attempts)
    };
    assert_eq!(of(r#"{"messages":[{"id":"wamid.A"}]}"#, 1), Event::Accepted { held: false });
    assert_eq!(
        of(r#"{"messages":[{"id":"wamid.A","message_status":"held_for_quality_assessment"}]}"#, 1),
        Event::Accepted { held: true }
    );
    assert_eq!(of(r#"{"code":"timeout"}"#, 1), Event::Ambiguous);
    assert_eq!(of(r#"{"metaCode":130429,"retryAfterMs":2000}"#, 1), Event::Defer { not_before: 12_000 });
    assert_eq!(of(r#"{"metaCode":130429}"#, 1), Event::Defer { not_before: 11_000 });
    assert_eq!(of(r#"{"metaCode":131048}"#, 1), Event::Defer { not_before: 10_000 });
    assert_eq!(of(r#"{"metaCode":131056}"#, 1), Event::Defer { not_before: 11_000 });
    assert_eq!(of(r#"{"metaCode":131056}"#, 3), Event::Defer { not_before: 26_000 });
    assert_eq!(of(r#"{"metaCode":131000}"#, 1), Event::Defer { not_before: 12_000 });
    assert_eq!(of(r#"{"metaCode":131000}"#, MAX_ATTEMPTS), Event::Failed { code: 131_000 });
    assert_eq!(of(r#"{"metaCode":131026}"#, 1), Event::Failed { code: 131_026 });
    assert_eq!(of(r#"{"metaCode":131049}"#, 1), Event::Failed { code: 131_049 });
    assert_eq!(of(r#"{"code":"validation_failed"}"#, 1), Event::Failed { code: 0 });
}

#[test]
fn deferred_recipients_wait_and_failures_are_final() {
    let deferred = run(&[CLAIM, BEGIN, Event::Defer { not_before: 7_000 }]);
    assert_eq!(deferred, State::Deferred { not_before: 7_000 });
    assert_eq!(deferred.apply(Event::Claim { now: 6_999, until: 9_000, resend_unknown: false }), deferred);
    assert_eq!(
        deferred.apply(Event::Claim { now: 7_000, until: 9_000, resend_unknown: false }),
        State::Claimed { until: 9_000 }
    );
    let failed = run(&[CLAIM, BEGIN, Event::Failed { code: 131_049 }]);
    for event in [CLAIM, Event::Accepted { held: false }, Event::Sent, Event::Read, Event::Failed { code: 1 }]
    {
        assert_eq!(failed.apply(event), State::Failed { code: 131_049 });
    }
    // Held, then failed by webhook (template paused: 132015).
    assert_eq!(
        run(&[CLAIM, BEGIN, Event::Accepted { held: true }, Event::Failed { code: 132_015 }]),
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
