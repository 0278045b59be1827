import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers/a11y.js";
import { gql, staffPage, staffToken } from "./helpers/api.js";

/**
 * Issue 12 in a real browser, both languages: a QA inspector scores a sampled call with the recording
 * player (and reads a clear message for a recording the telephony system cannot serve), the call-taker
 * sees the score in their console, appeals once and asks for a review of another call, the team lead
 * upholds the appeal with a revised score, the call-taker sees both versions, and the monthly
 * assessment counts the call-taker's scored calls and the upheld appeal.
 */

/** A short mono 16-bit PCM WAV (a 440 Hz tone), like the telephony system's recordings. */
function wav(seconds = 1.5, rate = 8000): Buffer {
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) {
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8);
  header.write("fmt ", 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A day in China time, YYYY-MM-DD. */
function chinaDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** `time` (HH:MM) of `day` in China time. */
function chinaTime(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

type Reported = { id: string; transcript: string };

/**
 * The telephony integration reports two long calls of the demo `operator` (long calls are always
 * sampled): one with an uploaded recording, one whose recording address cannot be fetched.
 */
async function reportCalls(request: APIRequestContext, marker: string, startedAt: Date): Promise<{ playable: Reported; broken: Reported }> {
  const admin = await staffToken(request, "admin");
  const upload = await request.post("/uploads", { headers: { authorization: `Bearer ${admin}`, "content-type": "audio/wav", "x-filename": `${marker}.wav` }, data: wav() });
  expect(upload.status()).toBe(201);
  const fileId = ((await upload.json()) as { id: string }).id;
  const report = async (offsetMinutes: number, recording: Record<string, string>, transcript: string): Promise<Reported> => {
    const start = new Date(startedAt.getTime() + offsetMinutes * 60_000);
    const answered = new Date(start.getTime() + 8_000);
    const ended = new Date(answered.getTime() + 11 * 60_000);
    const data = await gql<{ reportCallRecord: { id: string } }>(
      request,
      "mutation($i: QaCallRecordInput!) { reportCallRecord(input: $i) { id } }",
      {
        i: {
          callId: `${marker}-${offsetMinutes}`,
          seatCode: "A01",
          agentUsername: "operator",
          callerNumber: "13900001234",
          direction: "INBOUND",
          startedAt: start.toISOString(),
          answeredAt: answered.toISOString(),
          endedAt: ended.toISOString(),
          waitSeconds: 8,
          transcript,
          ...recording,
        },
      },
      admin,
    );
    return { id: data.reportCallRecord.id, transcript };
  };
  const playable = await report(0, { recordingFileId: fileId }, `市民：孩子在学校被同学欺负。话务员：您好，12345 热线，请您慢慢说。${marker}`);
  const broken = await report(15, { recordingUrl: `http://127.0.0.1:9/recordings/${marker}.wav` }, `市民：咨询社保卡补办。${marker}`);
  return { playable, broken };
}

/** The sample of a call in the inspector's queue (after its day was sampled). */
async function sampleOf(request: APIRequestContext, token: string, callRecordId: string, day: string): Promise<string> {
  type Page = { qaInspectionQueue: { items: Array<{ id: string; call: { id: string } }> } };
  const queue = await gql<Page>(request, "query($d: String) { qaInspectionQueue(day: $d, limit: 200) { items { id call { id } } } }", { d: day }, token);
  const sample = queue.qaInspectionQueue.items.find((item) => item.call.id === callRecordId);
  expect(sample, `call ${callRecordId} sampled on ${day}`).toBeTruthy();
  return sample!.id;
}

const WORDS = {
  "zh-CN": { queue: "质检队列", saved: "评分已保存", cannotFetch: "暂时无法从话务系统获取录音", appealState: "待裁定", upheld: "申诉：成立", myTitle: "我的质检结果", sent: "申诉已提交" },
  en: { queue: "Inspection queue (质检)", saved: "Score saved", cannotFetch: "could not be fetched from the telephony system", appealState: "Pending", upheld: "Upheld", myTitle: "My QA results (质检结果)", sent: "Your appeal was sent" },
} as const;

/** Waits until the page's audio element has loaded the recording's metadata through the gateway. */
async function expectPlayable(page: Page): Promise<void> {
  const audio = page.getByTestId("qa-recording-audio");
  await expect(audio).toBeVisible();
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  const duration = await audio.evaluate((element: HTMLAudioElement) => element.duration);
  expect(duration).toBeGreaterThan(1);
}

for (const [index, locale] of (["zh-CN", "en"] as const).entries()) {
  const words = WORDS[locale];

  test(`${locale}: the inspector scores a sampled call with the player, the call-taker appeals, the lead upholds it, the ranking shows it`, async ({ browser, request }) => {
    test.setTimeout(240_000);
    // A day of its own, ten or more days back: the demo data and the daily schedule sample only the
    // last seven days, and a day is sampled once (the two long calls are picked as risks).
    const day = chinaDay(new Date(Date.now() - (10 + index) * 86_400_000));
    const marker = `e2e-qa-${locale}-${Date.now()}`;
    const calls = await reportCalls(request, marker, chinaTime(day, "10:00"));
    const qaToken = await staffToken(request, "qa");
    await gql(request, "mutation($d: String!) { runQaSampling(day: $d) { day samples } }", { d: day }, qaToken);
    const playableSample = await sampleOf(request, qaToken, calls.playable.id, day);
    const brokenSample = await sampleOf(request, qaToken, calls.broken.id, day);

    // The qa login lands on the inspection queue.
    const inspector = await staffPage(browser, "supervisor", "qa", locale, { width: 1366, height: 900 });
    await expect(inspector.getByTestId("qa-queue-page")).toBeVisible({ timeout: 15_000 });
    await expect(inspector.getByRole("heading", { level: 1 })).toHaveText(words.queue);
    await expect(inspector.locator(`[data-testid=qa-queue-row][data-sample="${playableSample}"]`)).toBeVisible();
    await expectAccessible(inspector, `inspection queue (${locale})`);

    // A recording the telephony system cannot serve: a clear message, and the call can still be scored.
    await inspector.goto(`/supervisor/qa/inspect/${brokenSample}`);
    await expect(inspector.getByTestId("qa-recording-error")).toContainText(words.cannotFetch, { timeout: 15_000 });
    await expect(inspector.getByTestId("qa-score-form")).toBeVisible();

    // The playable call: the player loads the recording through the gateway; transcript and ticket part shown.
    await inspector.goto(`/supervisor/qa/inspect/${playableSample}`);
    await expectPlayable(inspector);
    await expect(inspector.getByTestId("qa-transcript")).toContainText(calls.playable.transcript);
    await expect(inspector.getByTestId("qa-call-tickets")).toBeVisible();
    await expectAccessible(inspector, `inspection screen (${locale})`);

    // A sampled demo call during which a ticket was logged: the ticket as logged beside the score form —
    // the category chosen in the UI language, type and status as words, not codes.
    // (pending samples first; scored ones show the ticket as logged too — an earlier run may have scored the pending ones)
    type LoggedTicket = { trackingNumber: string; categoryName: string; categoryNameEn: string | null };
    type Candidate = { id: string; call: { loggedTickets: LoggedTicket[] } };
    const ticketFields = "loggedTickets { trackingNumber categoryName categoryNameEn }";
    const pending = await gql<{ qaInspectionQueue: { items: Candidate[] } }>(request, `query { qaInspectionQueue(limit: 200) { items { id call { ${ticketFields} } } } }`, {}, qaToken);
    let withTicket = pending.qaInspectionQueue.items.find((item) => item.call.loggedTickets.length > 0);
    if (!withTicket) {
      const scored = await gql<{ qaInspections: Array<{ sampleId: string | null }> }>(request, "query { qaInspections(first: 200) { sampleId } }", {}, qaToken);
      for (const { sampleId } of scored.qaInspections) {
        if (sampleId && !withTicket) {
          const sample = await gql<{ qaSample: Candidate }>(request, `query($id: ID!) { qaSample(id: $id) { id call { ${ticketFields} } } }`, { id: sampleId }, qaToken);
          withTicket = sample.qaSample.call.loggedTickets.length > 0 ? sample.qaSample : undefined;
        }
      }
    }
    expect(withTicket, "a demo sample whose call logged a ticket").toBeTruthy();
    const logged = withTicket!.call.loggedTickets[0]!;
    await inspector.goto(`/supervisor/qa/inspect/${withTicket!.id}`);
    const ticketPanel = inspector.getByTestId("qa-call-ticket").first();
    await expect(ticketPanel).toContainText(logged.trackingNumber, { timeout: 15_000 });
    await expect(ticketPanel.getByTestId("qa-ticket-category")).toHaveText(locale === "en" && logged.categoryNameEn ? logged.categoryNameEn : logged.categoryName);
    await expect(ticketPanel.getByTestId("qa-ticket-type")).not.toHaveText(/^[A-Z_]+$/);
    await expect(ticketPanel.getByTestId("qa-ticket-status")).not.toHaveText(/^[A-Z_]+$/);
    await expect(inspector.getByTestId("qa-score-form").or(inspector.getByTestId("qa-scored"))).toBeVisible();
    await expectAccessible(inspector, `inspection screen with the ticket as logged (${locale})`);
    await inspector.screenshot({ path: `test-results/qa-inspect-logged-ticket-${locale}.png`, fullPage: false });
    await inspector.goto(`/supervisor/qa/inspect/${playableSample}`);
    await expect(inspector.getByTestId("qa-score-form")).toBeVisible({ timeout: 15_000 });

    // Score: one deduction on the first criterion, a comment; the live total follows.
    const first = inspector.getByTestId("qa-criterion").first();
    const criterionKey = (await first.getAttribute("data-criterion"))!;
    await expect(inspector.getByTestId("qa-live-total")).toContainText("100");
    await first.locator("input[type=checkbox]").first().check();
    const totalText = (await inspector.getByTestId("qa-live-total").textContent()) ?? "";
    expect(totalText).not.toContain("100 /");
    const comment = `${locale === "en" ? "Did not give the work number." : "开头未报工号。"} ${marker}`;
    await inspector.getByTestId(`qa-comment-${criterionKey}`).fill(comment);
    await inspector.getByTestId("qa-overall-comment").fill(locale === "en" ? "Good listening; greet properly." : "倾听到位，注意规范问候。");
    await inspector.screenshot({ path: locale === "zh-CN" ? "../../apps/supervisor/docs/qa-inspection.png" : `test-results/qa-inspection-${locale}.png`, fullPage: true });
    await inspector.getByTestId("qa-score-submit").click();
    await expect(inspector.getByTestId("qa-score-saved")).toContainText(words.saved);
    const givenTotal = ((await inspector.getByTestId("qa-score-card-total").textContent()) ?? "").split(" ")[0]!;
    await inspector.context().close();

    // The call-taker sees it in the console and appeals once.
    const operator = await staffPage(browser, "operator", "operator", locale, { width: 1366, height: 900 });
    await operator.goto("/operator/qa");
    await expect(operator.getByRole("heading", { level: 1 })).toHaveText(words.myTitle);
    const mine = operator.locator(`[data-testid=my-qa-result]`).filter({ hasText: marker });
    await expect(mine).toHaveCount(1);
    await expect(mine.getByTestId("my-qa-total")).toContainText(givenTotal);
    await expectAccessible(operator, `my QA results (${locale})`);
    await mine.getByTestId("my-qa-appeal-open").click();
    await expect(mine.getByTestId("my-qa-appeal-reason")).toBeFocused();
    await mine.getByTestId("my-qa-appeal-reason").fill(`${locale === "en" ? "I gave my work number at the start; listen to the first seconds." : "我在开头已报工号，请听录音前几秒。"} ${marker}`);
    await mine.getByTestId("my-qa-appeal-submit").click();
    await expect(mine.getByTestId("my-qa-appeal-sent")).toContainText(words.sent);
    await expect(mine.getByTestId("my-qa-appeal-form")).toHaveCount(0);
    // The call-taker asks for one of their recent calls to be reviewed (once, with a reason).
    const callId = await operator.getByTestId("my-qa-call").filter({ has: operator.getByTestId("my-qa-call-flag") }).first().getAttribute("data-call");
    const callRow = operator.locator(`[data-testid=my-qa-call][data-call="${callId}"]`);
    await callRow.getByTestId("my-qa-call-flag").click();
    await callRow.getByTestId("my-qa-flag-reason").fill(locale === "en" ? "Unsure of the policy answer." : "对政策答复没有把握。");
    await expectAccessible(operator, `my recent calls, asking for a review (${locale})`);
    await callRow.getByTestId("my-qa-flag-submit").click();
    await expect(callRow.getByTestId("my-qa-call-flagged")).toBeVisible();
    await mine.scrollIntoViewIfNeeded();
    await operator.screenshot({ path: locale === "zh-CN" ? "../../apps/operator/docs/my-qa.png" : `test-results/my-qa-${locale}.png` });

    // The team lead decides: upheld, with the first criterion back at full points.
    const lead = await staffPage(browser, "supervisor", "teamlead", locale, { width: 1366, height: 900 });
    await lead.goto("/supervisor/qa/appeals");
    const row = lead.getByTestId("qa-appeal-row").filter({ hasText: marker });
    await expect(row).toHaveCount(1, { timeout: 15_000 });
    await expectAccessible(lead, `appeals (${locale})`);
    await row.getByTestId("qa-appeal-decide").click();
    const decision = lead.getByTestId("qa-appeal-decision");
    await decision.getByTestId("qa-appeal-uphold").check();
    await decision.locator(`[data-criterion="${criterionKey}"] input[type=checkbox]`).first().uncheck();
    await decision.getByTestId(`qa-points-${criterionKey}`).fill("");
    await decision.getByTestId("qa-appeal-note").fill(locale === "en" ? "The recording confirms the work number." : "经核听录音，已报工号。");
    await expectAccessible(lead, `appeal decision (${locale})`);
    await decision.getByTestId("qa-appeal-submit").click();
    await expect(lead.getByTestId("qa-appeal-decided")).toBeVisible();
    await lead.context().close();

    // The call-taker sees the revised score and both versions.
    await operator.reload();
    await expect(mine.getByTestId("my-qa-appeal-state")).toContainText(words.upheld);
    await expect(mine.getByTestId("my-qa-versions").locator("li")).toHaveCount(2);
    await expect(mine.getByTestId("my-qa-total")).toContainText(/^100 /);
    await operator.context().close();

    // The monthly assessment: the call's month counts 王敏's scored calls (by the call's start), this
    // month her upheld appeals (by the decision's date).
    const ranking = await staffPage(browser, "supervisor", "qa", locale, { width: 1366, height: 900 });
    await ranking.goto("/supervisor/qa/assessment");
    await expect(ranking.getByTestId("qa-assessment")).toBeVisible({ timeout: 15_000 });
    const herRow = ranking.locator("[data-testid=qa-as-ranked-row], [data-testid=qa-as-apart-row]").filter({ hasText: "王敏" });
    await ranking.getByTestId("qa-as-month").selectOption(day.slice(0, 7));
    await ranking.getByTestId("qa-as-show").click();
    await expect(herRow).toHaveCount(1, { timeout: 15_000 });
    await expect(herRow).toContainText(locale === "en" ? /\([1-9]\d* inspected\)/ : /（质检 [1-9]\d* 通）/);
    await ranking.getByTestId("qa-as-month").selectOption(chinaDay(new Date()).slice(0, 7));
    await ranking.getByTestId("qa-as-show").click();
    await expect(herRow).toHaveCount(1, { timeout: 15_000 });
    await expect(herRow.locator("td").last()).toHaveText(/^[1-9]\d*$/);
    await expectAccessible(ranking, `monthly assessment (${locale})`);
    await ranking.context().close();
  });
}
