//! Times the decoding of the largest sample article, as the static source decodes it:
//! `cargo run --release --example decode_bench [runs]` prints the median time of one decode.

use broadsheet::source::static_files::wire::ArticleFile;
use std::time::{Duration, Instant};

const ARTICLE: &str = "public/data/articles/harbour-redevelopment-explained.json";

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .map_or(Ok(5_000), |runs| runs.parse())
        .expect("the number of runs is a whole number");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(ARTICLE);
    let text = std::fs::read_to_string(&path).expect("the sample article is there");
    // The first decodes warm the caches and the allocator, as a reader's second page would.
    for _ in 0..runs / 10 {
        decode(&text);
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            decode(&text);
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[runs / 2];
    println!(
        "{ARTICLE} ({} bytes): median {:.1} µs per decode over {runs} runs (fastest {:.1} µs, slowest {:.1} µs)",
        text.len(),
        median.as_secs_f64() * 1e6,
        times[0].as_secs_f64() * 1e6,
        times[runs - 1].as_secs_f64() * 1e6,
    );
}

fn decode(text: &str) {
    let article = broadsheet::json::decode::<ArticleFile>(text);
    std::hint::black_box(article.expect("the sample article decodes"));
}
