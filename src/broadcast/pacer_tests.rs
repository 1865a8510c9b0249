//! The pacer's arithmetic, with time passed in.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;

/// The most slots in any window `[t, t + 1000)` ms.
fn busiest_second(slots: &[u64]) -> usize {
    let mut most = 0;
    let mut start = 0;
    for (end, slot) in slots.iter().enumerate() {
        while slots[start] + 1000 <= *slot {
            start += 1;
        }
        most = most.max(end + 1 - start);
    }
    most
}

#[test]
fn the_target_is_ninety_percent_of_the_throughput() {
    assert_eq!(Pacer::new(80, DEFAULT_SHARE_PERCENT).target(), 72);
    assert_eq!(Pacer::new(1000, DEFAULT_SHARE_PERCENT).target(), 900);
    assert_eq!(Pacer::new(20, DEFAULT_SHARE_PERCENT).target(), 18);
    assert_eq!(Pacer::new(1, 50).target(), 1);
}

#[test]
fn no_second_holds_more_than_the_rate_however_the_grants_are_asked() {
    for ceiling in [20, 80, 81, 1000] {
        let mut pacer = Pacer::new(ceiling, DEFAULT_SHARE_PERCENT);
        let mut slots = Vec::new();
        // Batches of uneven sizes asked at uneven times, as racing consumers would.
        let mut now = 5;
        for batch in 0..400 {
            let grant = pacer.grant(now, 1 + batch % 37, 30_000);
            slots.extend(grant.slots);
            now += (batch as u64 * 7919) % 400;
        }
        slots.sort_unstable();
        assert!(slots.len() > 1000);
        assert!(busiest_second(&slots) <= pacer.target() as usize, "{ceiling}: {}", busiest_second(&slots));
        // And it is used: a backlog fills whole seconds to the rate.
        let backlog =
            Pacer::new(ceiling, DEFAULT_SHARE_PERCENT).grant(now, 5 * pacer.target() as usize, 30_000).slots;
        assert_eq!(backlog.len(), 5 * pacer.target() as usize);
        assert_eq!(busiest_second(&backlog), pacer.target() as usize);
    }
}

#[test]
fn slots_never_pass_the_horizon_and_a_full_horizon_says_when_to_ask_again() {
    let mut pacer = Pacer::new(10, 100);
    let grant = pacer.grant(0, 100, 2_000);
    assert_eq!(grant.slots.len(), 21); // 0, 100, …, 2000 ms
    assert_eq!(grant.slots.last(), Some(&2000));
    let again = pacer.grant(0, 5, 2_000);
    assert_eq!(again, Grant { slots: vec![], retry_at: Some(100) });
    assert_eq!(pacer.grant(100, 1, 2_000).slots, [2100]);
}

#[test]
fn throttling_halves_the_rate_honours_retry_after_and_ramps_back() {
    let mut pacer = Pacer::new(80, DEFAULT_SHARE_PERCENT);
    pacer.grant(0, 10, 1_000);
    pacer.on_refusal(1_000, "slow_down", Some(130_429), Some(2_000));
    assert_eq!(pacer.rate(), 36);
    assert!(pacer.grant(1_000, 1, 30_000).slots[0] >= 3_000);
    // The other sends in flight answer 130429 too: one halving for them all.
    pacer.on_refusal(1_500, "slow_down", Some(130_429), None);
    assert_eq!(pacer.rate(), 36);
    pacer.on_refusal(2_000, "slow_down", Some(130_429), None);
    assert_eq!(pacer.rate(), 18);
    // 2 quiet seconds: +7 each, but only to 27, nine tenths of the 36 the
    // last 130429 came at; then 1 (a hundredth of 72, at least 1) per second.
    pacer.grant(4_500, 1, 30_000);
    assert_eq!(pacer.rate(), 27);
    pacer.grant(14_500, 1, 30_000);
    assert_eq!(pacer.rate(), 37);
    pacer.grant(60_000, 1, 30_000);
    assert_eq!(pacer.rate(), 72);
    for second in 0..20 {
        pacer.throttled(60_000 + second * 1_000, None);
    }
    assert_eq!(pacer.rate(), 1);
}

#[test]
fn maintenance_pauses_a_minute_and_spam_or_token_errors_halt_until_resumed() {
    let mut pacer = Pacer::new(80, DEFAULT_SHARE_PERCENT);
    pacer.on_refusal(10_000, "slow_down", Some(131_057), None);
    assert_eq!(pacer.pause(), Pause::Until(70_000));
    assert_eq!(pacer.grant(20_000, 1, 1_000).retry_at, Some(70_000));
    assert_eq!(pacer.rate(), 72);
    assert_eq!(pacer.grant(70_000, 1, 1_000).slots, [70_000]);

    pacer.on_refusal(80_000, "retry_after", Some(80_007), None);
    assert_eq!(pacer.pause(), Pause::Until(140_000));
    for (action, code) in [("pause_number", 131_048), ("refresh_token", 190), ("do_not_retry", 135_000)] {
        pacer.resume();
        pacer.on_refusal(200_000, action, Some(code), None);
        assert_eq!(pacer.grant(900_000, 3, 1_000), Grant { slots: vec![], retry_at: None });
    }
    pacer.on_refusal(200_000, "slow_down", Some(131_057), None);
    assert_eq!(pacer.pause(), Pause::Halted);
    pacer.resume();
    assert_eq!(pacer.grant(900_000, 1, 1_000).slots.len(), 1);
    // A recipient's own refusal leaves the number alone.
    pacer.on_refusal(900_000, "retry_recipient_later", Some(131_056), None);
    pacer.on_refusal(900_000, "do_not_retry", Some(131_026), None);
    assert_eq!((pacer.pause(), pacer.rate()), (Pause::None, 72));
}

#[test]
fn a_stored_state_restores_the_same_pacer_and_bad_states_are_clamped() {
    let mut pacer = Pacer::new(80, DEFAULT_SHARE_PERCENT);
    pacer.grant(5_000, 40, 30_000);
    pacer.throttled(6_000, Some(500));
    pacer.pause_until(7_000);
    let mut restored = Pacer::from_state(pacer.state());
    assert_eq!(restored, pacer);
    assert_eq!(restored.grant(8_000, 3, 30_000), pacer.grant(8_000, 3, 30_000));
    let zeroed = PacerState {
        target: 0,
        rate: 0,
        next_us: 0,
        changed_ms: 0,
        throttled_ms: None,
        threshold: None,
        pause: Pause::None,
    };
    let mut clamped = Pacer::from_state(zeroed);
    assert_eq!((clamped.target(), clamped.rate()), (1, 1));
    assert_eq!(clamped.grant(0, 2, 1_000).slots, [0, 1_000]);
    let fast = PacerState { target: 10, rate: 500, ..zeroed };
    assert_eq!(Pacer::from_state(fast).rate(), 10);
}

#[test]
fn a_new_ceiling_moves_the_target_and_caps_the_rate() {
    let mut pacer = Pacer::new(80, DEFAULT_SHARE_PERCENT);
    pacer.set_ceiling(40, DEFAULT_SHARE_PERCENT);
    assert_eq!((pacer.target(), pacer.rate()), (36, 36));
    assert_eq!(busiest_second(&pacer.grant(0, 200, 10_000).slots), 36);
    pacer.set_ceiling(1_000, DEFAULT_SHARE_PERCENT);
    assert_eq!((pacer.target(), pacer.rate()), (900, 36));
    pacer.grant(20_000, 1, 1_000); // ramps a tenth of the target per quiet second
    assert_eq!(pacer.rate(), 900);
}

// Scenario (b) of BROADCAST.md §4.7: Meta's limit drops below the target
// without anyone telling the pacer. It halves on each 130429, ramps fast only
// to nine tenths of where the last one came, then probes slowly: the lower
// limit is learned, so the number keeps sending near it.
#[test]
fn a_lowered_limit_is_learned_from_the_throttles() {
    let mut pacer = Pacer::new(200, DEFAULT_SHARE_PERCENT);
    let limit = 100;
    let (mut sent, mut throttles) = (0, 0);
    for second in 0..200u64 {
        pacer.grant(second * 1_000, 0, 1_000);
        if pacer.rate() > limit {
            pacer.throttled(second * 1_000, None);
            throttles += 1;
        }
        if second >= 20 {
            sent += pacer.rate().min(limit);
        }
    }
    // 180 seconds at the limit would be 18,000 sends.
    assert!(sent >= 15_300, "{sent} sends: under 85 % of the limit");
    assert!(throttles <= 20, "{throttles} throttles in 200 s");
    // A new ceiling forgets what was learned.
    pacer.set_ceiling(200, DEFAULT_SHARE_PERCENT);
    pacer.grant(1_000_000, 0, 1_000);
    assert_eq!(pacer.rate(), 180);
}
