//! The weights matching uses: one per comparison level (`levels::LEVELS`), built in or learned
//! from the run's records (`train`), and the file `--save-model` writes and `--model` reads.

use super::levels::{Level, LEVELS, N_LEVELS};
use serde::{Deserialize, Serialize};

/// Weight at which a pair is even odds (probability 0.5).
pub const EVEN_ODDS: f64 = 12.0;
/// Ceilings of the given and family name weights among a few thousand people (they rise with
/// the population: see `features::Stats::name_offset`).
pub const GIVEN_HI: f64 = 9.0;
pub const FAMILY_HI: f64 = 11.0;

/// One level's parameters as learned (or built in).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelParams {
    pub level: String,
    pub field: String,
    /// P(level | same person), when learned.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub m: Option<f64>,
    /// P(level | different people), when learned.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub u: Option<f64>,
    /// Candidate pairs (expected matches) and random pairs that reached the level.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub matches_seen: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub random_seen: Option<f64>,
    /// The weight used: log₂(m/u) shrunk towards the built-in weight, or the built-in weight.
    pub weight: f64,
    pub builtin: f64,
}

/// The trained model, as `--save-model` writes it and `--model` reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelFile {
    /// `rolo-model/1`.
    pub format: String,
    /// Share of the candidate pairs that are one person (λ), when learned.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lambda: Option<f64>,
    pub candidate_pairs: u64,
    pub random_pairs: u64,
    pub levels: Vec<LevelParams>,
}

pub const FORMAT: &str = "rolo-model/1";

/// Weights per level, and what they were learned from.
#[derive(Debug, Clone)]
pub struct Model {
    weights: [f64; N_LEVELS],
    pub file: Option<ModelFile>,
}

impl Default for Model {
    fn default() -> Model {
        let mut weights = [0.0; N_LEVELS];
        for (w, s) in weights.iter_mut().zip(LEVELS) {
            *w = s.default;
        }
        Model {
            weights,
            file: None,
        }
    }
}

impl Model {
    /// The weight of a level (for term-frequency levels: what is added to the value's rarity).
    pub fn w(&self, level: Level) -> f64 {
        self.weights.get(level as usize).copied().unwrap_or(0.0)
    }

    pub(super) fn set(&mut self, level: Level, w: f64) {
        if let Some(x) = self.weights.get_mut(level as usize) {
            *x = w;
        }
    }

    /// A model read from a `--model` file: its weights for the levels it names, built-in
    /// weights for the others.
    pub fn from_file(file: ModelFile) -> Result<Model, String> {
        if file.format != FORMAT {
            return Err(format!(
                "unknown model format {:?} (expected {FORMAT})",
                file.format
            ));
        }
        let mut m = Model::default();
        for p in &file.levels {
            let level =
                Level::from_id(&p.level).ok_or_else(|| format!("unknown level {:?}", p.level))?;
            if !p.weight.is_finite() {
                return Err(format!("level {}: weight is not a number", p.level));
            }
            if let Some(w) = m.weights.get_mut(level as usize) {
                *w = p.weight;
            }
        }
        m.file = Some(file);
        Ok(m)
    }

    /// Where the weights come from, in one line (`rolo review` prints it first).
    pub fn summary(&self) -> String {
        match &self.file {
            Some(f) if f.candidate_pairs > 0 => format!(
                "weights: learned from {} candidate pairs and {} random pairs ({:.1} % of the candidates taken for one person); `rolo merge --save-model FILE` writes them",
                f.candidate_pairs,
                f.random_pairs,
                100.0 * f.lambda.unwrap_or(0.0)
            ),
            Some(_) => "weights: from a model file".to_string(),
            None => "weights: built in (docs/dedupe.md §3)".to_string(),
        }
    }

    /// The model as a file (the built-in weights when nothing was learned).
    pub fn to_file(&self) -> ModelFile {
        self.file.clone().unwrap_or_else(|| ModelFile {
            format: FORMAT.to_string(),
            lambda: None,
            candidate_pairs: 0,
            random_pairs: 0,
            levels: LEVELS
                .iter()
                .map(|s| LevelParams {
                    level: s.id.to_string(),
                    field: s.field.id().to_string(),
                    m: None,
                    u: None,
                    matches_seen: None,
                    random_seen: None,
                    weight: s.default,
                    builtin: s.default,
                })
                .collect(),
        })
    }
}
