import { csv, lead, ol, p, table } from "../html";
import { daysBefore, lastMonth, lastQuarter, signature, yearOf, type Template } from "../setting";
import { amount, CAMPAIGNS, company, EVENTS, POLLUTANTS, river, station } from "../vocabulary";

/** 环境质量 (air, water, noise), statistics, 突发环境事件, supervision and ecology. */

export const airQuality: Template = (r, s) => {
  const { y, m } = lastMonth(s);
  const head = ["监测点位", "PM2.5（微克/立方米）", "PM10（微克/立方米）", "二氧化氮（微克/立方米）", "臭氧（微克/立方米）", "优良天数"];
  const rows = Array.from({ length: r.int(3, 6) }, () => [station(r, s.place), r.int(12, 75), r.int(25, 110), r.int(10, 45), r.int(60, 190), r.int(18, 31)]);
  const good = amount(r, 70, 99);
  return {
    title: `${y}年${m}月${s.place}环境空气质量状况`,
    bodyHtml:
      p(`${y}年${m}月，${s.place}环境空气质量优良天数比例为${good}%，同比${r.chance(0.6) ? "上升" : "下降"}${amount(r, 0.5, 9)}个百分点。首要污染物为${r.pick(["细颗粒物（PM2.5）", "臭氧", "可吸入颗粒物（PM10）"])}。`) +
      table(head, rows) +
      p(`注：监测数据为自动监测数据，未经审核，仅供参考。`),
    attachments: r.chance(0.5) ? [{ name: `${y}年${m}月环境空气质量监测数据.csv`, mime: "text/csv", text: csv(head, rows) }] : [],
  };
};

export const waterQuality: Template = (r, s) => {
  const { y, m } = lastMonth(s);
  const head = ["河流", "断面名称", "水质类别", "目标类别", "是否达标", "超标项目"];
  const rows = Array.from({ length: r.int(3, 7) }, () => {
    const actual = r.int(2, 5);
    const target = r.int(3, 4);
    return [river(r), `${r.pick(["入境", "出境", "城区", "入湖口", "上游"])}断面`, `${"ⅠⅡⅢⅣⅤ"[actual - 1]}类`, `${"ⅠⅡⅢⅣⅤ"[target - 1]}类`, actual <= target ? "达标" : "未达标", actual <= target ? "—" : r.pick(POLLUTANTS.slice(0, 3))];
  });
  const monthly = r.chance(0.6);
  return {
    title: monthly ? `${y}年${m}月${s.place}地表水环境质量状况` : `${y}年${m}月${s.place}集中式饮用水水源地水质状况`,
    bodyHtml:
      p(monthly ? `${y}年${m}月，${s.place}监测的${rows.length}个地表水断面中，达到或优于Ⅲ类水质的断面比例为${amount(r, 60, 100)}%。` : `${y}年${m}月，${s.place}集中式饮用水水源地水质监测项目均符合《地表水环境质量标准》Ⅲ类标准，取水水质达标率100%。`) +
      table(head, rows),
    attachments: r.chance(0.4) ? [{ name: `${y}年${m}月水质监测数据.csv`, mime: "text/csv", text: csv(head, rows) }] : [],
  };
};

export const noise: Template = (r, s) => {
  const { y, q } = lastQuarter(s);
  const rows = ["1类区", "2类区", "3类区", "4a类区"].map((zone) => [zone, r.int(45, 62), r.int(38, 52), r.chance(0.85) ? "达标" : "超标"]);
  return {
    title: `${y}年第${q}季度${s.place}声环境质量监测结果`,
    bodyHtml: p(`${y}年第${q}季度，我局对${s.place}功能区声环境质量开展了监测，结果如下。`) + table(["功能区", "昼间等效声级（分贝）", "夜间等效声级（分贝）", "评价"], rows),
  };
};

export const statistics: Template = (r, s) => {
  const { y: my, m } = lastMonth(s);
  // The year so far (up to last month), or last year's annual report.
  const annual = m < 2 || r.chance(0.5);
  const y = annual ? yearOf(s) - 1 : my;
  const rows = POLLUTANTS.slice(0, 5).map((name) => [name, amount(r, 50, 4000), `${r.chance(0.8) ? "-" : "+"}${amount(r, 0.2, 8)}%`]);
  return {
    title: annual ? `${y}年${s.place}生态环境统计年报` : `${y}年1—${m}月${s.place}主要污染物排放总量减排情况`,
    bodyHtml: p(`根据生态环境统计调查制度，现将${s.place}${y}年主要污染物排放情况公布如下。纳入统计调查的工业企业共${r.int(60, 900)}家。`) + table(["污染物", "排放量（吨）", "同比变化"], rows),
  };
};

export const emergency: Template = (r, s) => {
  const event = r.pick(EVENTS);
  const where = `${s.place}${river(r)}${r.pick(["沿岸", "下游", "大桥附近", "工业园区段"])}`;
  if (r.chance(0.25)) {
    const y = yearOf(s);
    return {
      title: `${s.place}突发环境事件应急预案（${y}年修订）`,
      bodyHtml: p(`为健全突发环境事件应对工作机制，科学有序高效应对突发环境事件，我局修订了《${s.place}突发环境事件应急预案》，现予以公布。`) + ol(["总则", "组织指挥体系", "监测预警", "应急响应", "后期工作", "应急保障"]),
    };
  }
  return {
    title: `关于${where}${event}的情况通报`,
    bodyHtml:
      p(`${daysBefore(s, r.int(1, 6))}，${where}发生${event}。接报后，我局立即启动应急响应，会同相关部门赶赴现场处置。`) +
      lead("一、处置情况。", `现场设置${r.int(2, 6)}个应急监测点位，对${r.shuffle(POLLUTANTS).slice(0, 2).join("、")}等指标开展加密监测。`) +
      lead("二、监测结果。", `截至目前，下游${r.pick(["饮用水水源地", "国控断面", "省控断面"])}水质${r.pick(["未受影响", "各项指标均已恢复正常"])}。`) +
      p(`我局将持续做好跟踪监测，并依法调查事件原因。`, signature(s)),
  };
};

export const randomInspection: Template = (r, s) => {
  const y = yearOf(s);
  const rows = Array.from({ length: r.int(4, 10) }, () => {
    const c = company(r, s.city, s.region);
    const ok = r.chance(0.75);
    return [c.name, r.pick(["重点排污单位", "一般排污单位", "特殊监管对象"]), ok ? "未发现问题" : "发现问题", ok ? "—" : "已责令限期整改"];
  });
  return {
    title: `${y}年第${r.int(1, 12)}批“双随机、一公开”抽查结果公示`,
    bodyHtml: p(`按照“双随机、一公开”监管工作要求，我局随机抽取检查对象和执法人员，于${daysBefore(s, r.int(10, 40))}完成本批次抽查。结果如下：`) + table(["检查对象", "类别", "检查结果", "处理情况"], rows),
  };
};

export const keyUnits: Template = (r, s) => {
  const y = yearOf(s);
  const rows = Array.from({ length: r.int(5, 12) }, () => {
    const c = company(r, s.city, s.region);
    return [c.name, c.creditCode, r.pick(["水环境", "大气环境", "土壤污染", "环境风险", "声环境"])];
  });
  return {
    title: `${y}年${s.place}环境监管重点单位名录`,
    bodyHtml: p(`依据《环境监管重点单位名录管理办法》，经筛选确定，现将${s.place}${y}年环境监管重点单位名录予以公布。`) + table(["单位名称", "统一社会信用代码", "类别"], rows),
  };
};

export const rectification: Template = (r, s) => {
  const issue = r.pick(["城区黑臭水体", "工业园区异味扰民", "建筑工地扬尘污染", "畜禽养殖废水直排", "河道非法采砂", "危险废物违规处置"]);
  return {
    title: r.chance(0.5) ? `中央生态环境保护督察反馈问题整改进展情况（第${r.int(1, 30)}期）` : `关于${s.place}${issue}问题整改情况的公示`,
    bodyHtml:
      p(`针对督察反馈的${issue}问题，我局会同相关部门制定整改方案，明确整改目标、措施、时限和责任单位。`) +
      ol([`开展现场排查，建立问题清单${r.int(5, 40)}项。`, `已完成整改${r.int(3, 30)}项，其余问题按序时推进。`, `对${r.int(1, 8)}家责任单位依法立案查处。`, `建立长效监管机制，防止问题反弹。`]) +
      p(`欢迎社会各界监督。`, signature(s)),
  };
};

export const ecology: Template = (r, s) => {
  const y = yearOf(s);
  return r.chance(0.5)
    ? {
        title: `关于${s.place}${y}年生态文明建设示范村（社区）名单的公示`,
        listRowKey: "mee.ecology",
        bodyHtml: p(`经自评、初审和现场核查，拟命名以下${r.int(3, 12)}个村（社区）为${y}年生态文明建设示范村（社区），现予以公示。`) + ol(Array.from({ length: r.int(3, 6) }, () => `${r.pick(["东", "西", "南", "北", "上", "下"])}${r.pick(["塘", "桥", "湾", "岭", "坪"])}村`)),
      }
    : {
        title: `${s.place}${y}年生态保护红线监管情况`,
        listRowKey: "mee.ecology",
        bodyHtml: p(`${y}年，我局对${s.place}生态保护红线区域开展遥感监测和实地核查，共发现疑似问题点位${r.int(3, 40)}处，已全部移交属地核查处理。`, `下一步将继续开展${r.pick(CAMPAIGNS)}，守住自然生态安全边界。`),
      };
};
