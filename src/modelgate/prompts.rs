//! The model gate's prompts: project-authored text in `prompts.txt`,
//! compiled into every build (so the browser and the CLI ask the same
//! questions) and parsed here. See the header of `prompts.txt`.

use crate::policy::Category;

const PROMPTS: &str = include_str!("prompts.txt");

/// One simulated conversation's starting point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seed {
    /// `None` for the benign control set.
    pub category: Option<Category>,
    pub tactic: &'static str,
    pub opening: &'static str,
    /// Scripted later user turns (gradual escalation); others are chosen
    /// during the conversation (push after a refusal, escalate otherwise).
    pub follow_ups: Vec<&'static str>,
}

#[derive(Debug, Clone, Default)]
pub struct PromptSet {
    pub seeds: Vec<Seed>,
    /// Attack wrappers, each with one `{request}`.
    pub wrappers: Vec<&'static str>,
    /// Follow-ups after a refusal.
    pub push: Vec<&'static str>,
    /// Follow-ups after compliance.
    pub escalate: Vec<&'static str>,
    /// Follow-ups in benign conversations.
    pub more: Vec<&'static str>,
}

/// Tactics a seed line may name.
pub const TACTICS: [&str; 9] = [
    "direct",
    "roleplay",
    "fiction",
    "continuation",
    "persona",
    "escalation",
    "hypothetical",
    "instruction",
    "everyday",
];

/// Parses `prompts.txt`; `Err` names the line and what is wrong.
pub fn parse(text: &'static str) -> Result<PromptSet, String> {
    let mut set = PromptSet::default();
    let mut section: Option<&str> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name);
            continue;
        }
        let fail = |what: &str| format!("prompts.txt line {line_no}: {what}");
        match section {
            None => return Err(fail("text before the first [section]")),
            Some("wrappers") => {
                if line.matches("{request}").count() != 1 {
                    return Err(fail("expected exactly one {request} in a wrapper"));
                }
                set.wrappers.push(line);
            }
            Some("push") => set.push.push(line),
            Some("escalate") => set.escalate.push(line),
            Some("more") => set.more.push(line),
            Some(name) => {
                let category = match name {
                    "benign" => None,
                    other => Some(
                        Category::from_name(other)
                            .ok_or_else(|| fail(&format!("unknown section [{other}]")))?,
                    ),
                };
                let (tactic, rest) = line
                    .split_once(" | ")
                    .ok_or_else(|| fail("expected `tactic | opening`"))?;
                if !TACTICS.contains(&tactic) {
                    return Err(fail(&format!("unknown tactic `{tactic}`")));
                }
                let mut turns = rest.split(" >> ").map(str::trim);
                let opening = turns.next().unwrap_or_default();
                if opening.is_empty() {
                    return Err(fail("empty opening"));
                }
                set.seeds.push(Seed {
                    category,
                    tactic,
                    opening,
                    follow_ups: turns.collect(),
                });
            }
        }
    }
    if set.push.is_empty() || set.escalate.is_empty() || set.more.is_empty() {
        return Err("prompts.txt: [push], [escalate] and [more] must not be empty".into());
    }
    Ok(set)
}

/// The compiled-in prompt set (validated by the tests below).
pub fn prompt_set() -> PromptSet {
    parse(PROMPTS).expect("src/modelgate/prompts.txt is checked by its unit tests")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn the_shipped_prompts_parse_and_meet_the_plan() {
        let set = parse(PROMPTS).unwrap();
        for c in Category::ALL {
            let seeds: Vec<_> = set.seeds.iter().filter(|s| s.category == Some(c)).collect();
            assert!(seeds.len() >= 25, "{c}: {} seeds", seeds.len());
            let tactics: BTreeSet<_> = seeds.iter().map(|s| s.tactic).collect();
            // The six tactics (the first six of TACTICS) in every category.
            for t in &TACTICS[..6] {
                assert!(tactics.contains(t), "{c} has no `{t}` seed");
            }
            assert!(seeds
                .iter()
                .filter(|s| s.tactic == "escalation")
                .all(|s| !s.follow_ups.is_empty()));
        }
        let benign = set.seeds.iter().filter(|s| s.category.is_none()).count();
        assert!(benign >= 50, "{benign} benign prompts");
        assert!(set.wrappers.len() >= 4);
        // No prompt twice.
        let mut seen = BTreeMap::new();
        for s in &set.seeds {
            assert!(
                seen.insert(s.opening, ()).is_none(),
                "duplicate {:?}",
                s.opening
            );
        }
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("[violence]\nno separator here\n").unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("tactic | opening"),
            "{e}"
        );
        let e = parse("[wrappers]\nno placeholder\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("{request}"), "{e}");
        let e = parse("[nonsense]\ndirect | x\n").unwrap_err();
        assert!(e.contains("unknown section [nonsense]"), "{e}");
        let e = parse("[violence]\nshouting | x\n").unwrap_err();
        assert!(e.contains("unknown tactic `shouting`"), "{e}");
    }
}
