import { appCodegen } from "../../packages/ui/codegen.app.ts";

export default appCodegen({ staff: false });
