import type { FieldDefinition } from '../TemplateDefinition.ts';

/** Fields of the gov-2019 form, generated from spec/fields-gov2019.tsv (ids exactly as published). */
export const gov2019Fields: readonly FieldDefinition[] = [
 {
  "id": "disclosure.rules.newlyMade",
  "label": "二、主动公开政府信息情况/第二十条第（一）项/规章/本年新制作数量",
  "unit": "件"
 },
 {
  "id": "disclosure.rules.newlyPublished",
  "label": "二、主动公开政府信息情况/第二十条第（一）项/规章/本年新公开数量",
  "unit": "件"
 },
 {
  "id": "disclosure.rules.totalPublic",
  "label": "二、主动公开政府信息情况/第二十条第（一）项/规章/对外公开总数量",
  "unit": "件"
 },
 {
  "id": "disclosure.normativeDocs.newlyMade",
  "label": "二、主动公开政府信息情况/第二十条第（一）项/规范性文件/本年新制作数量",
  "unit": "件"
 },
 {
  "id": "disclosure.normativeDocs.newlyPublished",
  "label": "二、主动公开政府信息情况/第二十条第（一）项/规范性文件/本年新公开数量",
  "unit": "件"
 },
 {
  "id": "disclosure.normativeDocs.totalPublic",
  "label": "二、主动公开政府信息情况/第二十条第（一）项/规范性文件/对外公开总数量",
  "unit": "件"
 },
 {
  "id": "disclosure.licensing.prevYearItems",
  "label": "二、主动公开政府信息情况/第二十条第（五）项/行政许可/上一年项目数量",
  "unit": "项"
 },
 {
  "id": "disclosure.licensing.change",
  "label": "二、主动公开政府信息情况/第二十条第（五）项/行政许可/本年增/减",
  "unit": "项"
 },
 {
  "id": "disclosure.licensing.decisions",
  "label": "二、主动公开政府信息情况/第二十条第（五）项/行政许可/处理决定数量",
  "unit": "件"
 },
 {
  "id": "disclosure.otherServices.prevYearItems",
  "label": "二、主动公开政府信息情况/第二十条第（五）项/其他对外管理服务事项/上一年项目数量",
  "unit": "项"
 },
 {
  "id": "disclosure.otherServices.change",
  "label": "二、主动公开政府信息情况/第二十条第（五）项/其他对外管理服务事项/本年增/减",
  "unit": "项"
 },
 {
  "id": "disclosure.otherServices.decisions",
  "label": "二、主动公开政府信息情况/第二十条第（五）项/其他对外管理服务事项/处理决定数量",
  "unit": "件"
 },
 {
  "id": "disclosure.penalties.prevYearItems",
  "label": "二、主动公开政府信息情况/第二十条第（六）项/行政处罚/上一年项目数量",
  "unit": "项"
 },
 {
  "id": "disclosure.penalties.change",
  "label": "二、主动公开政府信息情况/第二十条第（六）项/行政处罚/本年增/减",
  "unit": "项"
 },
 {
  "id": "disclosure.penalties.decisions",
  "label": "二、主动公开政府信息情况/第二十条第（六）项/行政处罚/处理决定数量",
  "unit": "件"
 },
 {
  "id": "disclosure.enforcement.prevYearItems",
  "label": "二、主动公开政府信息情况/第二十条第（六）项/行政强制/上一年项目数量",
  "unit": "项"
 },
 {
  "id": "disclosure.enforcement.change",
  "label": "二、主动公开政府信息情况/第二十条第（六）项/行政强制/本年增/减",
  "unit": "项"
 },
 {
  "id": "disclosure.enforcement.decisions",
  "label": "二、主动公开政府信息情况/第二十条第（六）项/行政强制/处理决定数量",
  "unit": "件"
 },
 {
  "id": "disclosure.fees.prevYearItems",
  "label": "二、主动公开政府信息情况/第二十条第（八）项/行政事业性收费/上一年项目数量",
  "unit": "项"
 },
 {
  "id": "disclosure.fees.change",
  "label": "二、主动公开政府信息情况/第二十条第（八）项/行政事业性收费/本年增/减",
  "unit": "项"
 },
 {
  "id": "disclosure.procurement.projects",
  "label": "二、主动公开政府信息情况/第二十条第（九）项/政府集中采购/采购项目数量",
  "unit": "项"
 },
 {
  "id": "disclosure.procurement.amount",
  "label": "二、主动公开政府信息情况/第二十条第（九）项/政府集中采购/采购总金额",
  "unit": "万元"
 },
 {
  "id": "applications.newReceived.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/一、本年新收政府信息公开申请数量 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.newReceived.commercial",
  "label": "三、收到和处理政府信息公开申请情况/一、本年新收政府信息公开申请数量 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.newReceived.research",
  "label": "三、收到和处理政府信息公开申请情况/一、本年新收政府信息公开申请数量 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.newReceived.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/一、本年新收政府信息公开申请数量 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.newReceived.legalService",
  "label": "三、收到和处理政府信息公开申请情况/一、本年新收政府信息公开申请数量 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.newReceived.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/一、本年新收政府信息公开申请数量 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.newReceived.total",
  "label": "三、收到和处理政府信息公开申请情况/一、本年新收政府信息公开申请数量 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.carriedOver.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/二、上年结转政府信息公开申请数量 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.carriedOver.commercial",
  "label": "三、收到和处理政府信息公开申请情况/二、上年结转政府信息公开申请数量 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.carriedOver.research",
  "label": "三、收到和处理政府信息公开申请情况/二、上年结转政府信息公开申请数量 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.carriedOver.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/二、上年结转政府信息公开申请数量 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.carriedOver.legalService",
  "label": "三、收到和处理政府信息公开申请情况/二、上年结转政府信息公开申请数量 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.carriedOver.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/二、上年结转政府信息公开申请数量 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.carriedOver.total",
  "label": "三、收到和处理政府信息公开申请情况/二、上年结转政府信息公开申请数量 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.granted.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三、本年度办理结果/（一）予以公开 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.granted.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三、本年度办理结果/（一）予以公开 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.granted.research",
  "label": "三、收到和处理政府信息公开申请情况/三、本年度办理结果/（一）予以公开 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.granted.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三、本年度办理结果/（一）予以公开 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.granted.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三、本年度办理结果/（一）予以公开 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.granted.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三、本年度办理结果/（一）予以公开 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.granted.total",
  "label": "三、收到和处理政府信息公开申请情况/三、本年度办理结果/（一）予以公开 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.partiallyGranted.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.partiallyGranted.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.partiallyGranted.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.partiallyGranted.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.partiallyGranted.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.partiallyGranted.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.partiallyGranted.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 总计",
  "unit": "件"
 },
 {
  "id": "applications.deniedStateSecret.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/1.属于国家秘密 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.deniedStateSecret.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/1.属于国家秘密 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.deniedStateSecret.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/1.属于国家秘密 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedStateSecret.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/1.属于国家秘密 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.deniedStateSecret.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/1.属于国家秘密 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedStateSecret.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/1.属于国家秘密 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.deniedStateSecret.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/1.属于国家秘密 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.deniedLawForbidden.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/2.其他法律行政法规禁止公开 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.deniedLawForbidden.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/2.其他法律行政法规禁止公开 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.deniedLawForbidden.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/2.其他法律行政法规禁止公开 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedLawForbidden.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/2.其他法律行政法规禁止公开 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.deniedLawForbidden.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/2.其他法律行政法规禁止公开 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedLawForbidden.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/2.其他法律行政法规禁止公开 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.deniedLawForbidden.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/2.其他法律行政法规禁止公开 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.deniedSafetyStability.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/3.危及“三安全一稳定” × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.deniedSafetyStability.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/3.危及“三安全一稳定” × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.deniedSafetyStability.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/3.危及“三安全一稳定” × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedSafetyStability.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/3.危及“三安全一稳定” × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.deniedSafetyStability.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/3.危及“三安全一稳定” × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedSafetyStability.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/3.危及“三安全一稳定” × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.deniedSafetyStability.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/3.危及“三安全一稳定” × 总计",
  "unit": "件"
 },
 {
  "id": "applications.deniedThirdParty.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/4.保护第三方合法权益 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.deniedThirdParty.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/4.保护第三方合法权益 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.deniedThirdParty.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/4.保护第三方合法权益 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedThirdParty.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/4.保护第三方合法权益 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.deniedThirdParty.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/4.保护第三方合法权益 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedThirdParty.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/4.保护第三方合法权益 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.deniedThirdParty.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/4.保护第三方合法权益 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.deniedInternalAffairs.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/5.属于三类内部事务信息 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.deniedInternalAffairs.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/5.属于三类内部事务信息 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.deniedInternalAffairs.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/5.属于三类内部事务信息 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedInternalAffairs.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/5.属于三类内部事务信息 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.deniedInternalAffairs.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/5.属于三类内部事务信息 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedInternalAffairs.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/5.属于三类内部事务信息 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.deniedInternalAffairs.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/5.属于三类内部事务信息 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.deniedProcessInfo.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/6.属于四类过程性信息 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.deniedProcessInfo.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/6.属于四类过程性信息 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.deniedProcessInfo.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/6.属于四类过程性信息 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedProcessInfo.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/6.属于四类过程性信息 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.deniedProcessInfo.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/6.属于四类过程性信息 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedProcessInfo.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/6.属于四类过程性信息 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.deniedProcessInfo.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/6.属于四类过程性信息 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.deniedEnforcementFile.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/7.属于行政执法案卷 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.deniedEnforcementFile.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/7.属于行政执法案卷 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.deniedEnforcementFile.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/7.属于行政执法案卷 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedEnforcementFile.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/7.属于行政执法案卷 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.deniedEnforcementFile.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/7.属于行政执法案卷 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedEnforcementFile.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/7.属于行政执法案卷 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.deniedEnforcementFile.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/7.属于行政执法案卷 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.deniedQuery.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/8.属于行政查询事项 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.deniedQuery.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/8.属于行政查询事项 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.deniedQuery.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/8.属于行政查询事项 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedQuery.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/8.属于行政查询事项 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.deniedQuery.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/8.属于行政查询事项 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.deniedQuery.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/8.属于行政查询事项 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.deniedQuery.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（三）不予公开/8.属于行政查询事项 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.unableNotHeld.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/1.本机关不掌握相关政府信息 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.unableNotHeld.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/1.本机关不掌握相关政府信息 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.unableNotHeld.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/1.本机关不掌握相关政府信息 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.unableNotHeld.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/1.本机关不掌握相关政府信息 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.unableNotHeld.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/1.本机关不掌握相关政府信息 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.unableNotHeld.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/1.本机关不掌握相关政府信息 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.unableNotHeld.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/1.本机关不掌握相关政府信息 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.unableNeedsCreation.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/2.没有现成信息需要另行制作 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.unableNeedsCreation.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/2.没有现成信息需要另行制作 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.unableNeedsCreation.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/2.没有现成信息需要另行制作 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.unableNeedsCreation.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/2.没有现成信息需要另行制作 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.unableNeedsCreation.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/2.没有现成信息需要另行制作 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.unableNeedsCreation.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/2.没有现成信息需要另行制作 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.unableNeedsCreation.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/2.没有现成信息需要另行制作 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.unableUnclear.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/3.补正后申请内容仍不明确 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.unableUnclear.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/3.补正后申请内容仍不明确 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.unableUnclear.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/3.补正后申请内容仍不明确 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.unableUnclear.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/3.补正后申请内容仍不明确 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.unableUnclear.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/3.补正后申请内容仍不明确 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.unableUnclear.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/3.补正后申请内容仍不明确 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.unableUnclear.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（四）无法提供/3.补正后申请内容仍不明确 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedComplaint.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/1.信访举报投诉类申请 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedComplaint.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/1.信访举报投诉类申请 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedComplaint.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/1.信访举报投诉类申请 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedComplaint.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/1.信访举报投诉类申请 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedComplaint.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/1.信访举报投诉类申请 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedComplaint.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/1.信访举报投诉类申请 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedComplaint.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/1.信访举报投诉类申请 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedDuplicate.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/2.重复申请 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedDuplicate.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/2.重复申请 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedDuplicate.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/2.重复申请 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedDuplicate.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/2.重复申请 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedDuplicate.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/2.重复申请 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedDuplicate.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/2.重复申请 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedDuplicate.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/2.重复申请 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedPublication.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/3.要求提供公开出版物 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedPublication.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/3.要求提供公开出版物 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedPublication.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/3.要求提供公开出版物 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedPublication.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/3.要求提供公开出版物 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedPublication.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/3.要求提供公开出版物 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedPublication.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/3.要求提供公开出版物 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedPublication.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/3.要求提供公开出版物 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedMassRepeated.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/4.无正当理由大量反复申请 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedMassRepeated.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/4.无正当理由大量反复申请 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedMassRepeated.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/4.无正当理由大量反复申请 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedMassRepeated.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/4.无正当理由大量反复申请 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedMassRepeated.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/4.无正当理由大量反复申请 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedMassRepeated.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/4.无正当理由大量反复申请 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedMassRepeated.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/4.无正当理由大量反复申请 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedConfirmation.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/5.要求行政机关确认或重新出具已获取信息 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedConfirmation.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/5.要求行政机关确认或重新出具已获取信息 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedConfirmation.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/5.要求行政机关确认或重新出具已获取信息 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedConfirmation.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/5.要求行政机关确认或重新出具已获取信息 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedConfirmation.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/5.要求行政机关确认或重新出具已获取信息 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedConfirmation.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/5.要求行政机关确认或重新出具已获取信息 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.notProcessedConfirmation.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（五）不予处理/5.要求行政机关确认或重新出具已获取信息 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.otherHandling.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（六）其他处理 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.otherHandling.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（六）其他处理 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.otherHandling.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（六）其他处理 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.otherHandling.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（六）其他处理 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.otherHandling.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（六）其他处理 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.otherHandling.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（六）其他处理 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.otherHandling.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（六）其他处理 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.resultTotal.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/三/（七）总计 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.resultTotal.commercial",
  "label": "三、收到和处理政府信息公开申请情况/三/（七）总计 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.resultTotal.research",
  "label": "三、收到和处理政府信息公开申请情况/三/（七）总计 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.resultTotal.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/三/（七）总计 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.resultTotal.legalService",
  "label": "三、收到和处理政府信息公开申请情况/三/（七）总计 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.resultTotal.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/三/（七）总计 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.resultTotal.total",
  "label": "三、收到和处理政府信息公开申请情况/三/（七）总计 × 总计",
  "unit": "件"
 },
 {
  "id": "applications.carriedForward.naturalPerson",
  "label": "三、收到和处理政府信息公开申请情况/四、结转下年度继续办理 × 自然人",
  "unit": "件"
 },
 {
  "id": "applications.carriedForward.commercial",
  "label": "三、收到和处理政府信息公开申请情况/四、结转下年度继续办理 × 法人或其他组织/商业企业",
  "unit": "件"
 },
 {
  "id": "applications.carriedForward.research",
  "label": "三、收到和处理政府信息公开申请情况/四、结转下年度继续办理 × 法人或其他组织/科研机构",
  "unit": "件"
 },
 {
  "id": "applications.carriedForward.publicInterest",
  "label": "三、收到和处理政府信息公开申请情况/四、结转下年度继续办理 × 法人或其他组织/社会公益组织",
  "unit": "件"
 },
 {
  "id": "applications.carriedForward.legalService",
  "label": "三、收到和处理政府信息公开申请情况/四、结转下年度继续办理 × 法人或其他组织/法律服务机构",
  "unit": "件"
 },
 {
  "id": "applications.carriedForward.otherOrg",
  "label": "三、收到和处理政府信息公开申请情况/四、结转下年度继续办理 × 法人或其他组织/其他",
  "unit": "件"
 },
 {
  "id": "applications.carriedForward.total",
  "label": "三、收到和处理政府信息公开申请情况/四、结转下年度继续办理 × 总计",
  "unit": "件"
 },
 {
  "id": "reconsideration.upheld",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政复议/结果维持",
  "unit": "件"
 },
 {
  "id": "reconsideration.corrected",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政复议/结果纠正",
  "unit": "件"
 },
 {
  "id": "reconsideration.other",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政复议/其他结果",
  "unit": "件"
 },
 {
  "id": "reconsideration.pending",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政复议/尚未审结",
  "unit": "件"
 },
 {
  "id": "reconsideration.total",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政复议/总计",
  "unit": "件"
 },
 {
  "id": "litigationDirect.upheld",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/未经复议直接起诉/结果维持",
  "unit": "件"
 },
 {
  "id": "litigationDirect.corrected",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/未经复议直接起诉/结果纠正",
  "unit": "件"
 },
 {
  "id": "litigationDirect.other",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/未经复议直接起诉/其他结果",
  "unit": "件"
 },
 {
  "id": "litigationDirect.pending",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/未经复议直接起诉/尚未审结",
  "unit": "件"
 },
 {
  "id": "litigationDirect.total",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/未经复议直接起诉/总计",
  "unit": "件"
 },
 {
  "id": "litigationAfterReconsideration.upheld",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/复议后起诉/结果维持",
  "unit": "件"
 },
 {
  "id": "litigationAfterReconsideration.corrected",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/复议后起诉/结果纠正",
  "unit": "件"
 },
 {
  "id": "litigationAfterReconsideration.other",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/复议后起诉/其他结果",
  "unit": "件"
 },
 {
  "id": "litigationAfterReconsideration.pending",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/复议后起诉/尚未审结",
  "unit": "件"
 },
 {
  "id": "litigationAfterReconsideration.total",
  "label": "四、政府信息公开行政复议、行政诉讼情况/行政诉讼/复议后起诉/总计",
  "unit": "件"
 }
];
