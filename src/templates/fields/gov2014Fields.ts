import type { FieldDefinition } from '../TemplateDefinition.ts';

/** Fields of the gov-2014 form, generated from spec/fields-gov2014.tsv (ids exactly as published). */
export const gov2014Fields: readonly FieldDefinition[] = [
 {
  "id": "active.total",
  "label": "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
  "unit": "条"
 },
 {
  "id": "active.normativeDocs",
  "label": "其中：主动公开规范性文件数",
  "unit": "条",
  "parent": "active.total"
 },
 {
  "id": "active.normativeDocsIssued",
  "label": "制发规范性文件总数",
  "unit": "件"
 },
 {
  "id": "active.viaGazette",
  "label": "1.政府公报公开政府信息数",
  "unit": "条"
 },
 {
  "id": "active.viaWebsite",
  "label": "2.政府网站公开政府信息数",
  "unit": "条"
 },
 {
  "id": "active.viaWeibo",
  "label": "3.政务微博公开政府信息数",
  "unit": "条"
 },
 {
  "id": "active.viaWechat",
  "label": "4.政务微信公开政府信息数",
  "unit": "条"
 },
 {
  "id": "active.viaOther",
  "label": "5.其他方式公开政府信息数",
  "unit": "条"
 },
 {
  "id": "response.hotspots",
  "label": "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
  "unit": "次"
 },
 {
  "id": "response.pressConferences",
  "label": "1.参加或举办新闻发布会总次数",
  "unit": "次"
 },
 {
  "id": "response.pressConferencesByHead",
  "label": "其中：主要负责同志参加新闻发布会次数",
  "unit": "次",
  "parent": "response.pressConferences"
 },
 {
  "id": "response.onlineInterviews",
  "label": "2.政府网站在线访谈次数",
  "unit": "次"
 },
 {
  "id": "response.onlineInterviewsByHead",
  "label": "其中：主要负责同志参加政府网站在线访谈次数",
  "unit": "次",
  "parent": "response.onlineInterviews"
 },
 {
  "id": "response.interpretations",
  "label": "3.政策解读稿件发布数",
  "unit": "篇"
 },
 {
  "id": "response.viaSocialMedia",
  "label": "4.微博微信回应事件数",
  "unit": "次"
 },
 {
  "id": "response.viaOther",
  "label": "5.其他方式回应事件数",
  "unit": "次"
 },
 {
  "id": "requests.received",
  "label": "（一）收到申请数",
  "unit": "件"
 },
 {
  "id": "requests.inPerson",
  "label": "1.当面申请数",
  "unit": "件",
  "parent": "requests.received"
 },
 {
  "id": "requests.fax",
  "label": "2.传真申请数",
  "unit": "件",
  "parent": "requests.received"
 },
 {
  "id": "requests.online",
  "label": "3.网络申请数",
  "unit": "件",
  "parent": "requests.received"
 },
 {
  "id": "requests.mail",
  "label": "4.信函申请数",
  "unit": "件",
  "parent": "requests.received"
 },
 {
  "id": "requests.completed",
  "label": "（二）申请办结数",
  "unit": "件"
 },
 {
  "id": "requests.completedOnTime",
  "label": "1.按时办结数",
  "unit": "件",
  "parent": "requests.completed"
 },
 {
  "id": "requests.completedExtended",
  "label": "2.延期办结数",
  "unit": "件",
  "parent": "requests.completed"
 },
 {
  "id": "requests.answered",
  "label": "（三）申请答复数",
  "unit": "件"
 },
 {
  "id": "answers.alreadyPublic",
  "label": "1.属于已主动公开范围数",
  "unit": "件",
  "parent": "requests.answered"
 },
 {
  "id": "answers.granted",
  "label": "2.同意公开答复数",
  "unit": "件",
  "parent": "requests.answered"
 },
 {
  "id": "answers.partiallyGranted",
  "label": "3.同意部分公开答复数",
  "unit": "件",
  "parent": "requests.answered"
 },
 {
  "id": "answers.denied",
  "label": "4.不同意公开答复数",
  "unit": "件",
  "parent": "requests.answered"
 },
 {
  "id": "answers.deniedStateSecret",
  "label": "其中：涉及国家秘密",
  "unit": "件",
  "parent": "answers.denied"
 },
 {
  "id": "answers.deniedCommercialSecret",
  "label": "涉及商业秘密",
  "unit": "件",
  "parent": "answers.denied"
 },
 {
  "id": "answers.deniedPrivacy",
  "label": "涉及个人隐私",
  "unit": "件",
  "parent": "answers.denied"
 },
 {
  "id": "answers.deniedSecurityStability",
  "label": "危及国家安全、公共安全、经济安全和社会稳定",
  "unit": "件",
  "parent": "answers.denied"
 },
 {
  "id": "answers.deniedNotGovInfo",
  "label": "不是《条例》所指政府信息",
  "unit": "件",
  "parent": "answers.denied"
 },
 {
  "id": "answers.deniedOtherLaw",
  "label": "法律法规规定的其他情形",
  "unit": "件",
  "parent": "answers.denied"
 },
 {
  "id": "answers.notThisAgency",
  "label": "5.不属于本行政机关公开数",
  "unit": "件",
  "parent": "requests.answered"
 },
 {
  "id": "answers.notExist",
  "label": "6.申请信息不存在数",
  "unit": "件",
  "parent": "requests.answered"
 },
 {
  "id": "answers.askedToAmend",
  "label": "7.告知作出更改补充数",
  "unit": "件",
  "parent": "requests.answered"
 },
 {
  "id": "answers.otherChannel",
  "label": "8.告知通过其他途径办理数",
  "unit": "件",
  "parent": "requests.answered"
 },
 {
  "id": "reconsideration.total",
  "label": "四、行政复议数量",
  "unit": "件"
 },
 {
  "id": "reconsideration.upheld",
  "label": "（一）维持具体行政行为数",
  "unit": "件",
  "parent": "reconsideration.total"
 },
 {
  "id": "reconsideration.corrected",
  "label": "（二）被依法纠错数",
  "unit": "件",
  "parent": "reconsideration.total"
 },
 {
  "id": "reconsideration.other",
  "label": "（三）其他情形数",
  "unit": "件",
  "parent": "reconsideration.total"
 },
 {
  "id": "litigation.total",
  "label": "五、行政诉讼数量",
  "unit": "件"
 },
 {
  "id": "litigation.upheld",
  "label": "（一）维持具体行政行为或者驳回原告诉讼请求数",
  "unit": "件",
  "parent": "litigation.total"
 },
 {
  "id": "litigation.corrected",
  "label": "（二）被依法纠错数",
  "unit": "件",
  "parent": "litigation.total"
 },
 {
  "id": "litigation.other",
  "label": "（三）其他情形数",
  "unit": "件",
  "parent": "litigation.total"
 },
 {
  "id": "complaints.total",
  "label": "六、举报投诉数量",
  "unit": "件"
 },
 {
  "id": "fees.collected",
  "label": "七、依申请公开信息收取的费用",
  "unit": "万元"
 },
 {
  "id": "org.offices",
  "label": "（一）政府信息公开工作专门机构数",
  "unit": "个"
 },
 {
  "id": "org.readingRooms",
  "label": "（二）设置政府信息公开查阅点数",
  "unit": "个"
 },
 {
  "id": "org.staff",
  "label": "（三）从事政府信息公开工作人员数",
  "unit": "人"
 },
 {
  "id": "org.staffFullTime",
  "label": "1.专职人员数（不包括政府公报及政府网站工作人员数）",
  "unit": "人",
  "parent": "org.staff"
 },
 {
  "id": "org.staffPartTime",
  "label": "2.兼职人员数",
  "unit": "人",
  "parent": "org.staff"
 },
 {
  "id": "org.budget",
  "label": "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
  "unit": "万元"
 },
 {
  "id": "training.meetings",
  "label": "（一）召开政府信息公开工作会议或专题会议数",
  "unit": "次"
 },
 {
  "id": "training.sessions",
  "label": "（二）举办各类培训班数",
  "unit": "次"
 },
 {
  "id": "training.trainees",
  "label": "（三）接受培训人员数",
  "unit": "人次"
 }
];
