import { HeaderMap, type GraphQLRequestContextWillSendResponse } from "@apollo/server";
import type { RequestContext } from "@civicline/platform";
import { describe, expect, it } from "vitest";
import { answerPlugin } from "./server.js";

/** Runs the plugin's willSendResponse on an answer with these errors; returns the answer. */
async function send(errors: Array<{ message: string; extensions?: Record<string, unknown> }>) {
  const response = { http: { headers: new HeaderMap(), status: 200 }, body: { kind: "single" as const, singleResult: { data: null, errors } } };
  const requestContext = { contextValue: { requestId: "req-12345678" }, response } as unknown as GraphQLRequestContextWillSendResponse<RequestContext>;
  const listener = await answerPlugin.requestDidStart!(requestContext);
  await listener!.willSendResponse!(requestContext);
  return response;
}

describe("answerPlugin", () => {
  it("marks every answer no-store and gives masked errors the request id, leaving coded errors alone", async () => {
    const response = await send([
      { message: "Something went wrong on our side. Please try again; if it keeps happening, quote reference unknown.", extensions: { code: "INTERNAL_SERVER_ERROR" } },
      { message: "You are not allowed to do this.", extensions: { code: "FORBIDDEN" } },
    ]);
    expect(response.http.headers.get("cache-control")).toBe("no-store");
    expect(response.body.singleResult.errors[0]).toEqual({
      message: "Something went wrong on our side. Please try again; if it keeps happening, quote reference req-12345678.",
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-12345678" },
    });
    expect(response.body.singleResult.errors[1]).toEqual({ message: "You are not allowed to do this.", extensions: { code: "FORBIDDEN" } });
    expect((await send([])).http.headers.get("cache-control")).toBe("no-store");
  });
});
