// Benchmarks print ratios against a baseline measured in the same run (see README).
// The first ones arrive with the knowledge-base and benchmark issues.
console.log("no benchmarks yet");
