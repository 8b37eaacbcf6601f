import { Text, View } from '@tarojs/components';
import { Page } from '@/components/page';
import { canOpenPrivacyContract, openPrivacyContract } from '@/lib/wx/privacy';

interface Section {
  heading: string;
  paragraphs: string[];
}

// Plain text kept here (not fetched) so the policy can be read offline and before login.
const SECTIONS: Section[] = [
  {
    heading: '一、我们收集哪些信息',
    paragraphs: [
      '1. 微信身份标识（openid）：您使用微信登录时，由微信提供，用于识别您的账号。我们不获取您的微信昵称、头像或好友关系。',
      '2. 手机号码：仅在您主动点击“授权手机号”后，经微信授权获取，用于办件联系与通知。',
      '3. 企业绑定信息：您填写的统一社会信用代码与企业名称，用于确认您所服务的企业并展示“一企一档”信息。',
      '4. 收件地址：仅在您预约证照递送时填写或从微信地址中选择，用于递送上门。',
    ],
  },
  {
    heading: '二、我们为什么收集',
    paragraphs: [
      '上述信息仅用于：登录与身份识别、匹配与兑现惠企政策、证照递送、服务评价与整改回访。我们遵循最小必要原则，不会用于上述目的以外的用途，不会向第三方出售。',
    ],
  },
  {
    heading: '三、我们如何保存与保护',
    paragraphs: [
      '信息存储于区政府指定的境内服务器。手机号码加密存储，工作人员查看时默认脱敏显示（如 138****1234），仅经办人员因业务需要可查看完整信息，且每次查看均留有记录。日志中不记录您的手机号、地址或微信身份标识。',
      '保存期限：账号信息保存至您注销账号；递送地址在递送完成后按档案管理要求保存，期满删除或匿名化处理。',
    ],
  },
  {
    heading: '四、您的权利',
    paragraphs: [
      '依据《中华人民共和国个人信息保护法》，您有权查阅、复制、更正、补充、删除您的个人信息，有权撤回授权、解除企业绑定、注销账号。您可在“我的”页面解除企业绑定，或通过营商服务热线联系我们，我们将在15个工作日内答复。',
    ],
  },
  {
    heading: '五、联系我们',
    paragraphs: ['如对本政策有疑问，可在办事大厅咨询窗口或通过小程序内留言与我们联系。'],
  },
];

export function PrivacyScreen() {
  return (
    <Page title="隐私政策">
      <View className="yst-article">
        <Text className="yst-card__title">营商通隐私政策</Text>
        <Text className="yst-article__p">
          营商通由区营商环境建设办公室运营。我们非常重视您的个人信息保护，请您仔细阅读本政策。
        </Text>
        {canOpenPrivacyContract() ? (
          // In WeChat the text the user consented to is the guide filed with WeChat; it must be one tap away.
          <View className="yst-link" ariaRole="link" onClick={openPrivacyContract}>
            查看《营商通隐私保护指引》
          </View>
        ) : null}
        {SECTIONS.map((section) => (
          <View key={section.heading}>
            <Text className="yst-article__h">{section.heading}</Text>
            {section.paragraphs.map((paragraph) => (
              <Text key={paragraph} className="yst-article__p">
                {paragraph}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </Page>
  );
}
