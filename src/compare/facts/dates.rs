//! Days, months, dates and years, and when two passages give different ones.

use super::{Facts, capitalise};
use crate::compare::model::{Conflict, ConflictKind, Span};

pub(super) fn date_conflicts(group: usize, l: &Facts, r: &Facts, out: &mut Vec<Conflict>) {
    let words = |list: &[(String, Span)],
                 subject: &str,
                 out: &mut Vec<Conflict>,
                 other: &[(String, Span)]| {
        if list.is_empty()
            || other.is_empty()
            || list.iter().any(|(w, _)| other.iter().any(|(o, _)| o == w))
        {
            return;
        }
        let (a, b) = (&list[0], &other[0]);
        out.push(Conflict::new(
            ConflictKind::Date,
            group,
            a.1,
            b.1,
            subject.into(),
            capitalise(&a.0),
            capitalise(&b.0),
        ));
    };
    words(&l.weekdays, "day", out, &r.weekdays);
    words(&l.months, "month", out, &r.months);
    // The same month on both sides with another day: "3 March" against "March 4".
    for (key, span, text) in &l.dates {
        let same_month: Vec<_> = r.dates.iter().filter(|(o, _, _)| o.0 == key.0).collect();
        if same_month.iter().any(|(o, _, _)| o.1 == key.1) {
            continue;
        }
        if let Some((other_key, other, other_text)) = same_month.first()
            && !l.dates.iter().any(|(mine, _, _)| mine == other_key)
        {
            out.push(Conflict::new(
                ConflictKind::Date,
                group,
                *span,
                *other,
                "date".into(),
                text.clone(),
                other_text.clone(),
            ));
            break;
        }
    }
    let only_left: Vec<_> = l
        .years
        .iter()
        .filter(|(y, _)| !r.years.iter().any(|(o, _)| o == y))
        .collect();
    let only_right: Vec<_> = r
        .years
        .iter()
        .filter(|(y, _)| !l.years.iter().any(|(o, _)| o == y))
        .collect();
    if let (Some(a), Some(b)) = (only_left.first(), only_right.first()) {
        out.push(Conflict::new(
            ConflictKind::Date,
            group,
            a.1,
            b.1,
            "year".into(),
            a.0.to_string(),
            b.0.to_string(),
        ));
    }
}
