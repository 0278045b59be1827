import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { I18nProvider, type Language } from "@civicline/ui";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { CategoriesDocument, DistrictsDocument, PortalSettingsDocument, TownshipsDocument } from "../gql/graphql.ts";
import { portalMessages } from "../messages.ts";

export const categoriesMock: MockLink.MockedResponse = {
  request: { query: CategoriesDocument },
  result: {
    data: {
      categories: [
        { __typename: "Category", id: "c1", code: "URBAN", nameZh: "城市管理", nameEn: "City management", parentId: null, selectable: false, keywords: [], requestTypes: [] },
        { __typename: "Category", id: "c2", code: "URBAN.LIGHT", nameZh: "路灯照明", nameEn: "Street lights", parentId: "c1", selectable: true, keywords: ["路灯不亮", "streetlight"], requestTypes: [] },
        { __typename: "Category", id: "c3", code: "OTHER", nameZh: "其他", nameEn: "Other", parentId: null, selectable: true, keywords: [], requestTypes: [] },
      ],
    },
  },
};

export const districtsMock: MockLink.MockedResponse = {
  request: { query: DistrictsDocument },
  result: {
    data: {
      areas: [{ __typename: "Area", id: "d1", code: "370303", nameZh: "张店区", nameEn: "Zhangdian District", level: "DISTRICT" }],
    },
  },
};

export const townshipsMock: MockLink.MockedResponse = {
  request: { query: TownshipsDocument, variables: { districtId: "d1" } },
  result: {
    data: {
      areas: [{ __typename: "Area", id: "t1", code: "370303001", nameZh: "马尚街道", nameEn: null, level: "TOWNSHIP", parentId: "d1" }],
    },
  },
};

/** What the portal offers; `mapTileUrl` null means no map pin. */
export function portalSettingsMock(mapTileUrl: string | null = null): MockLink.MockedResponse {
  return {
    request: { query: PortalSettingsDocument },
    result: { data: { portalSettings: { __typename: "PortalSettings", mapTileUrl, smsEnabled: true } } },
  };
}

export function renderPortal(ui: ReactNode, mocks: readonly MockLink.MockedResponse[], language: Language = "en") {
  return render(
    <MockedProvider mocks={mocks}>
      <I18nProvider messages={portalMessages} language={language}>
        {ui}
      </I18nProvider>
    </MockedProvider>,
  );
}
