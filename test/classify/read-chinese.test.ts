import { describe, expect, it } from "vitest";
import { findChineseVerb } from "../../src/classify/read-chinese.ts";
import { verbAt } from "../../src/classify/read-words.ts";
import { chineseVerbs } from "../../src/classify/rules.ts";

describe("reading a description written in Chinese", () => {
  it("maps every Chinese verb of the table to a verb the verb table knows", () => {
    const unknown = chineseVerbs.filter((v) => verbAt([v.english], 0, false) === undefined).map((v) => `${v.chinese} -> ${v.english}`);
    expect(unknown).toEqual([]);
  });

  it("takes the first verb of the sentence, as an English description's leading verb", () => {
    expect(findChineseVerb("将地址转换为经纬度坐标，并返回结果")).toMatchObject({ chinese: "转换", match: { word: "convert" } });
  });

  it("skips a negated verb and a verb that describes a noun", () => {
    expect(findChineseVerb("不会删除任何数据，只查询记录")?.chinese).toBe("查询");
    expect(findChineseVerb("按创建时间列出项目")?.chinese).toBe("列出");
  });

  it("reads nothing from a description without Chinese text, or without a known verb", () => {
    expect(findChineseVerb("Search places by keyword")).toBeUndefined();
    expect(findChineseVerb("周边的地点")).toBeUndefined();
  });
});
