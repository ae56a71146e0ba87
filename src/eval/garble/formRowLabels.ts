/**
 * Row labels of section 三 of the 2019 and 2021 forms as officially printed, [group cell, row cell], for the
 * fixture generators (makeVariants, makeSynthetic) and the randomised garbler: one copy of the form's wording.
 */
export const rowLabels2021: Readonly<Record<string, readonly [string, string]>> = {
  newReceived: ['一、本年新收政府信息公开申请数量', ''],
  carriedOver: ['二、上年结转政府信息公开申请数量', ''],
  granted: ['三、本年度办理结果', '（一）予以公开'],
  partiallyGranted: ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  deniedStateSecret: ['（三）不予公开', '1.属于国家秘密'],
  deniedLawForbidden: ['', '2.其他法律行政法规禁止公开'],
  deniedSafetyStability: ['', '3.危及“三安全一稳定”'],
  deniedThirdParty: ['', '4.保护第三方合法权益'],
  deniedInternalAffairs: ['', '5.属于三类内部事务信息'],
  deniedProcessInfo: ['', '6.属于四类过程性信息'],
  deniedEnforcementFile: ['', '7.属于行政执法案卷'],
  deniedQuery: ['', '8.属于行政查询事项'],
  unableNotHeld: ['（四）无法提供', '1.本机关不掌握相关政府信息'],
  unableNeedsCreation: ['', '2.没有现成信息需要另行制作'],
  unableUnclear: ['', '3.补正后申请内容仍不明确'],
  notProcessedComplaint: ['（五）不予处理', '1.信访举报投诉类申请'],
  notProcessedDuplicate: ['', '2.重复申请'],
  notProcessedPublication: ['', '3.要求提供公开出版物'],
  notProcessedMassRepeated: ['', '4.无正当理由大量反复申请'],
  notProcessedConfirmation: ['', '5.要求行政机关确认或重新出具已获取信息'],
  otherOverdueAmendment: ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  otherOverdueFee: ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  otherHandling: ['', '3.其他'],
  resultTotal: ['（七）总计', ''],
  carriedForward: ['四、结转下年度继续办理', ''],
};

/** The 2019 form: (六)其他处理 is one row (the 2021 sub-rows are not printed). */
export const rowLabels2019: Readonly<Record<string, readonly [string, string]>> = { ...rowLabels2021, otherHandling: ['（六）其他处理', ''] };
