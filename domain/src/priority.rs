//! Priority = f(impact, urgency) through a matrix (ITIL style, 3 × 3 → P1–P4), and the
//! plain-language questions that let a customer give impact and urgency without knowing
//! either word.

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ErrorCode};

/// Impact and urgency are both rated on this scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Medium,
    High,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Low, Level::Medium, Level::High];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.as_str() == text)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// P1 is the most urgent. Ordered so that `P1 < P4`: "more important" is "smaller".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }

    pub fn parse(text: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|priority| priority.as_str() == text)
    }
}

/// `cells[impact][urgency]`, indexed low → high. Admins may change it; [`validate`] keeps
/// it monotone so raising impact or urgency never lowers the priority.
///
/// [`validate`]: PriorityMatrix::validate
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityMatrix {
    pub cells: [[Priority; 3]; 3],
}

impl Default for PriorityMatrix {
    /// The ITIL default: both high is P1, both low is P4, one step down per level.
    fn default() -> Self {
        use Priority::*;
        PriorityMatrix {
            cells: [
                // urgency:  low  medium high
                /* low    */ [P4, P4, P3],
                /* medium */ [P4, P3, P2],
                /* high   */ [P3, P2, P1],
            ],
        }
    }
}

impl PriorityMatrix {
    pub fn priority(&self, impact: Level, urgency: Level) -> Priority {
        self.cells[impact.index()][urgency.index()]
    }

    /// Refuses a matrix in which more impact or more urgency gives a lower priority.
    pub fn validate(&self) -> Result<(), ApiError> {
        for impact in Level::ALL {
            for urgency in Level::ALL {
                let here = self.priority(impact, urgency);
                let worse_neighbours = [
                    Level::ALL.get(impact.index() + 1).map(|&more| self.priority(more, urgency)),
                    Level::ALL.get(urgency.index() + 1).map(|&more| self.priority(impact, more)),
                ];
                if worse_neighbours.into_iter().flatten().any(|neighbour| neighbour > here) {
                    return Err(ApiError::new(
                        ErrorCode::InvalidValue,
                        format!(
                            "More impact or urgency must never lower the priority (impact {}, urgency {})",
                            impact.as_str(),
                            urgency.as_str()
                        ),
                    )
                    .with_field("cells"));
                }
            }
        }
        Ok(())
    }
}

/// "How many people are affected?" — the customer's words for impact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeopleAffected {
    JustMe,
    MyTeam,
    Everyone,
}

/// "Can you still work?" — the customer's words for urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkImpact {
    /// Not urgent: it can wait.
    CanWait,
    /// Slower, or with a workaround.
    Hindered,
    /// Cannot work at all.
    Stopped,
}

impl PeopleAffected {
    pub fn impact(self) -> Level {
        match self {
            PeopleAffected::JustMe => Level::Low,
            PeopleAffected::MyTeam => Level::Medium,
            PeopleAffected::Everyone => Level::High,
        }
    }
}

impl WorkImpact {
    pub fn urgency(self) -> Level {
        match self {
            WorkImpact::CanWait => Level::Low,
            WorkImpact::Hindered => Level::Medium,
            WorkImpact::Stopped => Level::High,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_matrix_is_total_monotone_and_spans_p1_to_p4() {
        let matrix = PriorityMatrix::default();
        matrix.validate().unwrap();
        let mut seen: Vec<Priority> = Vec::new();
        for impact in Level::ALL {
            for urgency in Level::ALL {
                let priority = matrix.priority(impact, urgency);
                for more_impact in Level::ALL.into_iter().filter(|&level| level >= impact) {
                    for more_urgency in Level::ALL.into_iter().filter(|&level| level >= urgency) {
                        assert!(matrix.priority(more_impact, more_urgency) <= priority);
                    }
                }
                seen.push(priority);
            }
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen, Priority::ALL.to_vec());
        assert_eq!(matrix.priority(Level::High, Level::High), Priority::P1);
        assert_eq!(matrix.priority(Level::Low, Level::Low), Priority::P4);
    }

    #[test]
    fn every_matrix_that_validates_is_monotone() {
        // All 4^9 matrices: the check accepts exactly the monotone ones.
        let mut accepted = 0;
        for code in 0..4u32.pow(9) {
            let mut cells = [[Priority::P4; 3]; 3];
            for (index, cell) in cells.iter_mut().flatten().enumerate() {
                *cell = Priority::ALL[(code / 4u32.pow(index as u32) % 4) as usize];
            }
            let matrix = PriorityMatrix { cells };
            let monotone = Level::ALL.into_iter().all(|i| {
                Level::ALL.into_iter().all(|u| {
                    Level::ALL.into_iter().filter(|&i2| i2 >= i).all(|i2| {
                        Level::ALL
                            .into_iter()
                            .filter(|&u2| u2 >= u)
                            .all(|u2| matrix.priority(i2, u2) <= matrix.priority(i, u))
                    })
                })
            });
            assert_eq!(matrix.validate().is_ok(), monotone, "{cells:?}");
            accepted += usize::from(monotone);
        }
        assert!(accepted > 1);
    }

    #[test]
    fn a_matrix_that_lowers_priority_for_more_impact_is_refused() {
        let mut matrix = PriorityMatrix::default();
        matrix.cells[2][2] = Priority::P4;
        assert_eq!(matrix.validate().unwrap_err().code, ErrorCode::InvalidValue);
    }

    #[test]
    fn plain_answers_map_to_levels() {
        let matrix = PriorityMatrix::default();
        let everyone_stopped =
            matrix.priority(PeopleAffected::Everyone.impact(), WorkImpact::Stopped.urgency());
        assert_eq!(everyone_stopped, Priority::P1);
        let just_me_can_wait =
            matrix.priority(PeopleAffected::JustMe.impact(), WorkImpact::CanWait.urgency());
        assert_eq!(just_me_can_wait, Priority::P4);
    }

    #[test]
    fn priorities_serialise_as_their_labels() {
        assert_eq!(serde_json::to_string(&Priority::P2).unwrap(), "\"P2\"");
        assert_eq!(Priority::parse("P3"), Some(Priority::P3));
        assert_eq!(Level::parse("high"), Some(Level::High));
    }
}
