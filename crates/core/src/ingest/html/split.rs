//! The rest of a split article body. Pages cut the article's text into several containers — a
//! "Read more" box holding its second half, an ad or a teaser between two halves — and
//! Readability keeps the container it scores best, so the rest is lost. After it has run, the
//! runs of paragraphs just before and just after the kept ones that sit close to them (sharing
//! a container within a few levels) and read as article prose (20 words or more, ending like a
//! sentence, not mostly links) are put back where they stand in the page.

use super::filters::word_key;
use super::walker::Block;
use dom_query::{Document as Dom, NodeId, NodeRef};
use std::collections::HashSet;

/// Levels up from a paragraph within which it must share a container with a kept one.
const NEAR_LEVELS: usize = 3;
/// A paragraph put back must be article prose: this many words at least.
const MIN_WORDS: usize = 20;
/// Pages with more paragraphs than this are not looked at.
const MAX_PARAGRAPHS: usize = 1_500;

/// `blocks` (what Readability kept) with the page's other article paragraphs near them put
/// back in page order.
pub(super) fn recover_split_body(page: &Dom, blocks: Vec<Block>) -> Vec<Block> {
    let keys: Vec<String> = blocks.iter().map(|b| word_key(&b.text)).collect();
    // A paragraph counts as kept when a block holds its words; a key of a few words ("Share")
    // would match anywhere, so short paragraphs are never taken for kept ones.
    let block_of = |key: &str| {
        if key.split(' ').count() < 6 {
            return None;
        }
        keys.iter().position(|k| k.contains(key))
    };
    // The page's paragraphs in order, each with the block that holds it, if any. A page of
    // thousands of paragraphs (a live blog) is left as Readability read it: this look is
    // paragraphs times blocks.
    let paragraphs: Vec<NodeRef> = page.select("p").nodes().to_vec();
    if paragraphs.len() > MAX_PARAGRAPHS {
        return blocks;
    }
    let placed: Vec<(Option<usize>, String)> = paragraphs
        .iter()
        .map(|p| {
            let text = p.text().split_whitespace().collect::<Vec<_>>().join(" ");
            (block_of(&word_key(&text)), text)
        })
        .collect();
    let kept: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| placed[i].0.is_some())
        .collect();
    let (Some(&first), Some(&last)) = (kept.first(), kept.last()) else {
        return blocks;
    };
    let near = |node: &NodeRef| -> Vec<NodeId> {
        node.ancestors_it(Some(NEAR_LEVELS)).map(|a| a.id).collect()
    };
    let region: HashSet<NodeId> = kept.iter().flat_map(|&i| near(&paragraphs[i])).collect();
    let qualifies = |i: usize| {
        let (p, text) = (&paragraphs[i], &placed[i].1);
        let link_chars: usize = p
            .descendants_it()
            .filter(|d| d.node_name().as_deref() == Some("a"))
            .map(|a| a.text().chars().count())
            .sum();
        let prose = text.split_whitespace().count() >= MIN_WORDS
            && text.ends_with(['.', '!', '?', '"', '”', '’'])
            && link_chars * 4 < text.chars().count();
        prose && near(p).iter().any(|a| region.contains(a))
    };
    let block = |i: usize| Block {
        text: placed[i].1.clone(),
        chars: placed[i].1.chars().count(),
        link_chars: 0,
    };
    // Only the runs just before and just after the kept text: paragraphs Readability dropped
    // from between kept ones are embedded widgets (a gallery's captions), rightly left out. A
    // short line or two (an ad label) may sit between the runs and the kept text.
    let run = |indices: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        let mut found = Vec::new();
        let mut skipped = 0;
        for i in indices {
            if qualifies(i) {
                found.push(i);
            } else if placed[i].1.split_whitespace().count() < 6 && skipped < 2 {
                skipped += 1;
            } else {
                break;
            }
        }
        found
    };
    let mut before: Vec<usize> = run(&mut (0..first).rev());
    before.reverse();
    let after_run = run(&mut (last + 1..paragraphs.len()));
    let before_first: Vec<Block> = before.into_iter().map(block).collect();
    let mut after: Vec<Vec<Block>> = vec![Vec::new(); blocks.len()];
    let last_block = placed[last].0.expect("kept");
    after[last_block].extend(after_run.into_iter().map(block));
    let mut out = before_first;
    for (block, extra) in blocks.into_iter().zip(after) {
        out.push(block);
        out.extend(extra);
    }
    out
}
