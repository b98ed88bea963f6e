//! Filters over the extracted blocks: link lists and widget labels in the languages we meet
//! most, text repeated from the body (pull quotes, teasers), and the headline and byline lines
//! Readability keeps at the top.

use super::metadata::{is_dateline, strip_by_prefix};
use super::walker::Block;
use crate::ingest::Metadata;
use crate::lexicon::DATE_LINE_LEADS;
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Short lines that are widgets or labels, not article text, in the languages we meet most.
pub(super) static CLUTTER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(
            advertisement | advertising | sponsored | anzeige | werbung | publicidad | publicité
            | pubblicità | реклама | 広告 | إعلان
            | share(\s+(this|on|via|the)\b.*)? | follow\s+us\b.* | sign\s+up\b.* | subscribe\b.*
            | read\s+(more|next|also)\b.* | related(\s+(articles?|stories|content|coverage))?\b.*
            | see\s+also\b.* | more\s+(on|from)\s+this\s+story.* | recommended(\s+for\s+you)?
            | most\s+(read|popular|viewed).* | click\s+here\b.* | print(\s+this\s+article)?
            | (leave\s+a\s+)?comments?(\s*\(\d+\))? | copyright\b.* | ©.* | all\s+rights\s+reserved.*
            | lee\s+también\b.* | te\s+puede\s+interesar.* | compartir\b.* | suscríbete\b.* | más\s+noticias.*
            | lire\s+aussi\b.* | à\s+lire\s+aussi\b.* | partager\b.*
            | lesen\s+sie\s+auch\b.* | mehr\s+zum\s+thema\b.* | teilen\b.*
            | 関連記事.* | あわせて読みたい.* | シェア.*
            | اقرأ\s+أيضا.* | شارك.* | مواضيع\s+ذات\s+صلة.*
        )$",
    )
    .expect("valid regex")
});

/// Drops link lists, widget labels and duplicated text (pull quotes repeat a sentence of the
/// body; the body copy is the one kept).
pub(super) fn filter_blocks(blocks: Vec<Block>) -> Vec<Block> {
    let kept: Vec<Block> = blocks
        .into_iter()
        .filter(|b| {
            let words = b.text.split_whitespace().count();
            let link_heavy = b.chars > 0 && b.link_chars * 2 > b.chars;
            let label = words <= 12
                && CLUTTER_LINE.is_match(b.text.trim_end_matches([':', '.', '›', '»', '→']).trim());
            !link_heavy && !label
        })
        .collect();

    let keys: Vec<String> = kept.iter().map(|b| word_key(&b.text)).collect();
    let repeats = RepeatFinder::new(&keys);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, block) in kept.into_iter().enumerate() {
        if seen.insert(keys[i].clone()) && !repeats.repeats_another(i) {
            out.push(block);
        }
    }
    out
}

/// Finds short blocks whose wording mostly appears in one longer block: a pull quote or a
/// teaser repeating the body. Compared by word trigrams, because a pull quote drops the "she
/// said" that splits the sentence in the body. An index from trigram to blocks keeps this
/// linear in practice on liveblogs with thousands of entries.
pub(super) struct RepeatFinder<'a> {
    keys: &'a [String],
    trigrams: Vec<Vec<String>>,
    blocks_with: std::collections::HashMap<String, Vec<usize>>,
}

impl<'a> RepeatFinder<'a> {
    fn new(keys: &'a [String]) -> RepeatFinder<'a> {
        let trigrams: Vec<Vec<String>> = keys.iter().map(|k| trigrams(k)).collect();
        let mut blocks_with: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (j, grams) in trigrams.iter().enumerate() {
            let unique: HashSet<&String> = grams.iter().collect();
            for gram in unique {
                blocks_with.entry(gram.clone()).or_default().push(j);
            }
        }
        RepeatFinder {
            keys,
            trigrams,
            blocks_with,
        }
    }

    fn repeats_another(&self, i: usize) -> bool {
        // Trigrams in more blocks than this are the page's stock phrases ("after the break",
        // a liveblog's "posted at"): they tell no block apart from another, and following each
        // of them to every block made a page of 2,000 similar paragraphs quadratic (found by
        // fuzzing). A repeat is judged on the trigrams that are not.
        const COMMON: usize = 64;
        let own: Vec<&String> = self.trigrams[i]
            .iter()
            .filter(|gram| {
                self.blocks_with
                    .get(*gram)
                    .is_some_and(|b| b.len() <= COMMON)
            })
            .collect();
        // At least half of a block's trigrams must be its own for it to be judged at all.
        if own.len() < 4 || own.len() > 60 || own.len() * 2 < self.trigrams[i].len() {
            return false;
        }
        let mut shared: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for gram in &own {
            for &j in self.blocks_with.get(*gram).into_iter().flatten() {
                if j != i && self.keys[j].len() > self.keys[i].len() {
                    *shared.entry(j).or_default() += 1;
                }
            }
        }
        shared.values().any(|&n| n * 10 >= own.len() * 7)
    }
}

pub(super) fn trigrams(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    words.windows(3).map(|w| w.join(" ")).collect()
}

/// Lowercase words joined by single spaces: a comparison key that ignores punctuation and quote
/// marks.
pub(super) fn word_key(text: &str) -> String {
    crate::text::words(text)
        .map(|w| w.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^({DATE_LINE_LEADS})\b")).expect("valid regex"));

/// Removes the headline and the byline/date lines at the top of the article, which
/// Readability sometimes keeps: the headline lives in the metadata, and bylines are not body.
pub(super) fn drop_title_and_byline(blocks: Vec<Block>, metadata: &Metadata) -> Vec<Block> {
    let title_key = metadata.title.as_deref().map(word_key).unwrap_or_default();
    let author_key = metadata.author.as_deref().map(word_key).unwrap_or_default();
    let is_heading_line = |line: &str| {
        let key = word_key(line);
        let words = key.split(' ').count();
        let is_title = !title_key.is_empty() && key == title_key;
        let is_byline = words <= 14
            && ((!author_key.is_empty() && key.contains(&author_key))
                || strip_by_prefix(line).is_some()
                || DATELINE.is_match(line)
                || is_dateline(line));
        is_title || is_byline
    };
    let mut out = Vec::with_capacity(blocks.len());
    for (i, mut block) in blocks.into_iter().enumerate() {
        if i < 4 && out.len() < 3 {
            // Pages built with <br> put headline, byline and first paragraph in one block, so
            // this works line by line from the top.
            let lines: Vec<&str> = block.text.split('\n').collect();
            let skip = lines.iter().take_while(|l| is_heading_line(l)).count();
            if skip == lines.len() {
                continue;
            }
            if skip > 0 {
                block.text = lines[skip..].join("\n");
            }
        }
        out.push(block);
    }
    out
}

pub(super) fn letters(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| b.text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum()
}
